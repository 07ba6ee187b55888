package org.veille.transfer.format;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One message of an export, as the export service reads it from the database.
 *
 * @param id the message's id
 * @param kind whether the person wrote it (as a thread's first message or as a reply) or shared someone else's
 * @param threadId for a reply, the id of its thread's first message; null otherwise
 * @param authorLogin the login of its author (someone else for a share)
 * @param authorName the name its author shows
 * @param publishedAt when it was posted
 * @param text its raw text, as stored
 */
public record ExportedMessage(long id, Kind kind, @Nullable Long threadId, String authorLogin, String authorName,
		Instant publishedAt, String text) {

	/** How the message belongs to the person exporting. */
	public enum Kind {

		/** A thread they started. */
		MESSAGE,
		/** Their reply in a thread. */
		REPLY,
		/** Someone else's message they shared (starred). */
		SHARE

	}

}
