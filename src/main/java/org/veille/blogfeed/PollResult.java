package org.veille.blogfeed;

import org.jspecify.annotations.Nullable;

/**
 * What a poll that worked leaves on its feed.
 *
 * @param notModified whether the server answered 304
 * @param posted entries posted as messages
 * @param warning a message key saying what was left out, or null
 */
record PollResult(boolean notModified, @Nullable String etag, @Nullable String lastModified, @Nullable String title,
		int posted, @Nullable String warning, @Nullable String warningDetail) {

	static PollResult unchanged() {
		return new PollResult(true, null, null, null, 0, null, null);
	}

}
