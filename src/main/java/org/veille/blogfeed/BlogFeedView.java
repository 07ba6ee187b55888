package org.veille.blogfeed;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A feed as its owner sees it on {@code /settings/feeds}.
 *
 * @param lastOutcome {@code ok}, {@code not-modified} or {@code failed}; null before the first poll
 * @param lastError a message key saying what went wrong (or what was left out, after a poll that worked)
 * @param lastErrorDetail the technical detail of that error (a status line, a parser's message)
 */
record BlogFeedView(long id, String url, @Nullable String title, boolean paused, @Nullable Instant lastPolledAt,
		@Nullable String lastOutcome, @Nullable String lastError, @Nullable String lastErrorDetail, int lastPosted,
		@Nullable Instant lastPostedAt, Instant nextPollAt) {

	/** The argument of {@link #lastError()}'s message: a count for the warnings, else the detail. */
	public Object errorArgument() {
		String detail = (this.lastErrorDetail != null) ? this.lastErrorDetail : "";
		return detail.matches("\\d{1,9}") ? (Object) Long.valueOf(detail) : detail;
	}

	public boolean failed() {
		return "failed".equals(this.lastOutcome);
	}

}
