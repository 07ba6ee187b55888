package org.veille.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.veille.database.Timestamps;

/**
 * Deletes attempt counters whose window has passed, at most once a minute per instance, on the way of
 * an attempt (no scheduler needed). Rows another statement holds are skipped, never waited for, so that
 * the sweep can neither slow down nor deadlock a sign-in.
 */
@Component
class ExpiredCounters {

	private static final Duration EVERY = Duration.ofMinutes(1);

	private final JdbcClient jdbc;

	private final Clock clock;

	private final AtomicReference<Instant> nextSweep = new AtomicReference<>(Instant.MIN);

	ExpiredCounters(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	void sweepIfDue() {
		Instant now = this.clock.instant();
		Instant due = this.nextSweep.get();
		if (now.isBefore(due) || !this.nextSweep.compareAndSet(due, now.plus(EVERY))) {
			return;
		}
		sweep(now);
	}

	/** @return how many counters were deleted */
	int sweep(Instant now) {
		return this.jdbc.sql("""
				delete from attempt_counters
				where (scope, subject) in (
				    select scope, subject from attempt_counters where expires_at <= :now for update skip locked)
				""").param("now", Timestamps.of(now)).update();
	}

}
