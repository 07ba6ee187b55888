package org.veille.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts a person's posts against {@code veille.limits.*}, inside the post's transaction: a post refused (over
 * a limit, or for any other reason) rolls its counts back with it, so only stored posts count. Called once
 * the person's posting lock is held, so their counters are raised one post at a time.
 */
@Component
public class PostingRate {

	/** A limit reached: which one (its message key), how many it allows, and how long until it resets. */
	public record Exceeded(String messageKey, int limit, Duration retryAfter) {
	}

	private record Limit(String scope, int allowed, Duration window, String messageKey) {
	}

	private final AttemptCounter counter;

	private final Clock clock;

	private final List<Limit> postLimits;

	private final Limit replyLimit;

	PostingRate(AttemptCounter counter, Clock clock, LimitsProperties properties) {
		this.counter = counter;
		this.clock = clock;
		this.postLimits = List.of(
				new Limit("posts-minute", properties.postsPerMinute(), Duration.ofMinutes(1), "posting.too-fast.minute"),
				new Limit("posts-hour", properties.postsPerHour(), Duration.ofHours(1), "posting.too-fast.hour"));
		this.replyLimit = new Limit("replies-minute", properties.repliesPerMinute(), Duration.ofMinutes(1),
				"posting.too-fast.replies");
	}

	/** Counts one more post (a reply when {@code reply}); the first limit it passes, if any. */
	@Transactional(propagation = Propagation.MANDATORY)
	public Optional<Exceeded> count(long accountId, boolean reply) {
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		List<Limit> limits = new ArrayList<>(this.postLimits);
		if (reply) {
			limits.add(0, this.replyLimit);
		}
		Map<String, Duration> windows = new LinkedHashMap<>();
		limits.forEach((limit) -> windows.put(limit.scope(), limit.window()));
		List<AttemptCounter.Count> counts = this.counter.raiseAll(windows, Long.toString(accountId), now);
		for (int i = 0; i < limits.size(); i++) {
			Limit limit = limits.get(i);
			if (counts.get(i).attempts() > limit.allowed()) {
				return Optional.of(new Exceeded(limit.messageKey(), limit.allowed(), counts.get(i).retryAfter(now)));
			}
		}
		return Optional.empty();
	}

}
