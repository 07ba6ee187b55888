package org.veille.mail;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A claimed row of the outbox, as composers read it: the event, not the text.
 *
 * @param id the row
 * @param kind what happened ({@link Composer#kinds()})
 * @param recipientId the person told
 * @param address where to send when it is not the person's own address, else null
 * @param messageId the message the event is about, if any
 * @param actorId the person who acted, if any
 * @param secret the token a link carries, if any
 * @param attempt this claim's attempt, from 1
 * @param token the claim's token: the row is this worker's only while it holds
 */
public record Envelope(long id, String kind, long recipientId, @Nullable String address, @Nullable Long messageId,
		@Nullable Long actorId, @Nullable String secret, int attempt, UUID token) {
}
