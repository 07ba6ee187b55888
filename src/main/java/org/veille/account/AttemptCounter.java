package org.veille.account;

import java.time.Duration;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.veille.database.Timestamps;

/**
 * Raises one counter of {@code attempt_counters} and reads it back in one statement (the sign-in throttle's
 * mechanism, for one scope): an upsert that waits for the row lock of the attempt before it, so it sees
 * the count including itself, and starts again at one once the window has passed. Sign-ups and password
 * resets count with it, each under scopes of their own.
 */
@Component
class AttemptCounter {

	private final JdbcClient jdbc;

	private final ExpiredCounters expired;

	AttemptCounter(JdbcClient jdbc, ExpiredCounters expired) {
		this.jdbc = jdbc;
		this.expired = expired;
	}

	Count raise(String scope, String subject, Instant now, Duration window) {
		this.expired.sweepIfDue();
		return this.jdbc.sql("""
				insert into attempt_counters as c (scope, subject, attempts, expires_at)
				values (:scope, :subject, 1, :windowEnd)
				on conflict (scope, subject) do update
				    set attempts = case when c.expires_at > :now then c.attempts + 1 else 1 end,
				        expires_at = case when c.expires_at > :now then c.expires_at else excluded.expires_at end
				returning c.attempts, c.expires_at
				""")
			.param("scope", scope)
			.param("subject", subject)
			.param("now", Timestamps.of(now))
			.param("windowEnd", Timestamps.of(now.plus(window)))
			.query((rs, row) -> new Count(rs.getInt("attempts"), Timestamps.read(rs, "expires_at")))
			.single();
	}

	/** A counter as raised: the attempts in its window, this one included, and when the window ends. */
	record Count(int attempts, Instant expiresAt) {

		/** How long until the window ends, a second at least. */
		Duration retryAfter(Instant now) {
			Duration wait = Duration.between(now, this.expiresAt);
			return (wait.compareTo(Duration.ofSeconds(1)) < 0) ? Duration.ofSeconds(1) : wait;
		}

	}

}
