package org.veille.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.veille.database.Timestamps;

/**
 * How many accounts one address (IPv4, or IPv6 /64) may create in {@link #WINDOW}
 * ({@code veille.signup.per-address-per-hour}). Counted in PostgreSQL ({@code attempt_counters}), so that
 * every instance shares the count, inside the sign-up's own transaction: a sign-up refused for any reason
 * rolls its count back, and simultaneous sign-ups from one address wait for each other's row lock.
 */
@Component
class SignupLimit {

	static final Duration WINDOW = Duration.ofHours(1);

	private static final String SCOPE = "sign-up address";

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ExpiredCounters expired;

	private final int perWindow;

	SignupLimit(JdbcClient jdbc, Clock clock, ExpiredCounters expired, SignupProperties properties) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.expired = expired;
		this.perWindow = properties.perAddressPerHour();
	}

	/**
	 * Refuses early, before the password is hashed, an address already at its limit. Only a shortcut: two
	 * sign-ups may both pass it, {@link #count} decides.
	 */
	void refuseIfReached(String remoteAddress) {
		Instant now = this.clock.instant();
		Optional<Counter> counter = this.jdbc.sql("""
				select attempts, expires_at from attempt_counters
				where scope = :scope and subject = :address and expires_at > :now
				""")
			.param("scope", SCOPE)
			.param("address", ClientAddresses.group(remoteAddress))
			.param("now", Timestamps.of(now))
			.query((rs, row) -> new Counter(rs.getInt("attempts"), Timestamps.read(rs, "expires_at")))
			.optional();
		if (counter.isPresent() && counter.get().attempts() >= this.perWindow) {
			throw refusal(counter.get(), now);
		}
	}

	/** Counts this sign-up, in the caller's transaction; past the limit, refuses it. */
	void count(String remoteAddress) {
		this.expired.sweepIfDue();
		Instant now = this.clock.instant();
		Counter counter = this.jdbc.sql("""
				insert into attempt_counters as c (scope, subject, attempts, expires_at)
				values (:scope, :address, 1, :windowEnd)
				on conflict (scope, subject) do update
				    set attempts = case when c.expires_at > :now then c.attempts + 1 else 1 end,
				        expires_at = case when c.expires_at > :now then c.expires_at else excluded.expires_at end
				returning c.attempts, c.expires_at
				""")
			.param("scope", SCOPE)
			.param("address", ClientAddresses.group(remoteAddress))
			.param("now", Timestamps.of(now))
			.param("windowEnd", Timestamps.of(now.plus(WINDOW)))
			.query((rs, row) -> new Counter(rs.getInt("attempts"), Timestamps.read(rs, "expires_at")))
			.single();
		if (counter.attempts() > this.perWindow) {
			throw refusal(counter, now);
		}
	}

	private static SignupThrottledException refusal(Counter counter, Instant now) {
		Duration wait = Duration.between(now, counter.expiresAt());
		return new SignupThrottledException((wait.compareTo(Duration.ofSeconds(1)) < 0) ? Duration.ofSeconds(1) : wait);
	}

	private record Counter(int attempts, Instant expiresAt) {
	}

}
