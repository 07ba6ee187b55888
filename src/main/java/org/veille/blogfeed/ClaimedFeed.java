package org.veille.blogfeed;

import org.jspecify.annotations.Nullable;

/**
 * A feed reserved by a worker for one poll.
 *
 * @param firstPoll whether no entry of it was ever seen: then only its latest entries are posted
 */
record ClaimedFeed(long id, long accountId, String url, @Nullable String etag, @Nullable String lastModified,
		int failures, boolean firstPoll) {
}
