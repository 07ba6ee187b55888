package org.veille.account;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

	/**
	 * Raises several counters of one subject in one statement (a post counts against the minute and the hour at
	 * once); the counts in the order of the windows given. Rows are locked in that order, the same for every
	 * caller, so two raises never wait for each other crosswise.
	 */
	List<Count> raiseAll(Map<String, Duration> windows, String subject, Instant now) {
		this.expired.sweepIfDue();
		List<String> scopes = List.copyOf(windows.keySet());
		Map<String, Count> counts = new HashMap<>();
		this.jdbc.sql("""
				insert into attempt_counters as c (scope, subject, attempts, expires_at)
				select w.scope, :subject, 1, :now + w.seconds * interval '1 second'
				from unnest(cast(:scopes as text[]), cast(:seconds as bigint[])) with ordinality as w(scope, seconds, n)
				order by w.n
				on conflict (scope, subject) do update
				    set attempts = case when c.expires_at > :now then c.attempts + 1 else 1 end,
				        expires_at = case when c.expires_at > :now then c.expires_at else excluded.expires_at end
				returning c.scope, c.attempts, c.expires_at
				""")
			.param("subject", subject)
			.param("now", Timestamps.of(now))
			.param("scopes", scopes.toArray(String[]::new))
			.param("seconds", scopes.stream().map((scope) -> windows.get(scope).toSeconds()).toArray(Long[]::new))
			.query((rs) -> {
				counts.put(rs.getString("scope"), new Count(rs.getInt("attempts"), Timestamps.read(rs, "expires_at")));
			});
		return scopes.stream().map(counts::get).toList();
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
