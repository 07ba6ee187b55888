package org.veille.federation;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One activity to one inbox, as claimed by a worker.
 *
 * @param accountId the signing person, or null when a tag signs ({@code tagId})
 */
record Delivery(long id, String inbox, String host, @Nullable Long accountId, @Nullable Long tagId, String keyId,
		String activity, int attempts, UUID token) {
}
