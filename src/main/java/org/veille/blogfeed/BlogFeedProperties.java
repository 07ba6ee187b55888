package org.veille.blogfeed;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * {@code veille.blog-feeds.*} (README lists them).
 *
 * @param enabled whether this instance polls feeds (they are added either way; several instances share the polls)
 * @param workers feeds polled at once by this instance
 * @param pollEvery the wait between two polls of a feed: 15 minutes at least
 * @param maxBackoff the longest wait after failures in a row (the wait doubles with each)
 * @param maxSize the most bytes read of a feed; a longer one is a failure
 * @param totalTimeout the longest time one poll's request may take, redirects included
 * @param pollInterval how often idle workers look for feeds due
 */
@Validated
@ConfigurationProperties("veille.blog-feeds")
record BlogFeedProperties(
		@DefaultValue("true") boolean enabled,
		@DefaultValue("2") @Min(1) @Max(16) int workers,
		@DefaultValue("15m") Duration pollEvery,
		@DefaultValue("24h") Duration maxBackoff,
		@DefaultValue("5MB") DataSize maxSize,
		@DefaultValue("30s") Duration totalTimeout,
		@DefaultValue("10s") Duration pollInterval) {

	static final Duration SHORTEST_POLL = Duration.ofMinutes(15);

	static final int MAX_REDIRECTS = 5;

	BlogFeedProperties {
		if (pollEvery.compareTo(SHORTEST_POLL) < 0) {
			throw new IllegalArgumentException("veille.blog-feeds.poll-every must be 15 minutes or more");
		}
		if (maxBackoff.compareTo(pollEvery) < 0) {
			throw new IllegalArgumentException("veille.blog-feeds.max-backoff must be at least poll-every");
		}
		if (maxSize.toBytes() < 1024 || totalTimeout.isNegative() || totalTimeout.isZero()
				|| pollInterval.isNegative() || pollInterval.isZero()) {
			throw new IllegalArgumentException(
					"veille.blog-feeds.max-size must be 1KB or more, total-timeout and poll-interval positive");
		}
	}

	/** How long a poll is reserved for its worker: its request's time, and ample time to post what it found. */
	Duration lease() {
		return this.totalTimeout.multipliedBy(2).plusMinutes(2);
	}

	/** The wait before the next poll after {@code failures} failures in a row: doubling, capped. */
	Duration backoff(int failures) {
		Duration wait = this.pollEvery;
		for (int i = 0; i < failures && wait.compareTo(this.maxBackoff) < 0; i++) {
			wait = wait.multipliedBy(2);
		}
		return (wait.compareTo(this.maxBackoff) > 0) ? this.maxBackoff : wait;
	}

}
