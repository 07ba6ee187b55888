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

	private final AttemptCounter counter;

	private final int perWindow;

	SignupLimit(JdbcClient jdbc, Clock clock, AttemptCounter counter, SignupProperties properties) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.counter = counter;
		this.perWindow = properties.perAddressPerHour();
	}

	/**
	 * Refuses early, before the password is hashed, an address already at its limit. Only a shortcut: two
	 * sign-ups may both pass it, {@link #count} decides.
	 */
	void refuseIfReached(String remoteAddress) {
		Instant now = this.clock.instant();
		Optional<AttemptCounter.Count> counter = this.jdbc.sql("""
				select attempts, expires_at from attempt_counters
				where scope = :scope and subject = :address and expires_at > :now
				""")
			.param("scope", SCOPE)
			.param("address", ClientAddresses.group(remoteAddress))
			.param("now", Timestamps.of(now))
			.query((rs, row) -> new AttemptCounter.Count(rs.getInt("attempts"), Timestamps.read(rs, "expires_at")))
			.optional();
		if (counter.isPresent() && counter.get().attempts() >= this.perWindow) {
			throw new SignupThrottledException(counter.get().retryAfter(now));
		}
	}

	/** Counts this sign-up, in the caller's transaction; past the limit, refuses it. */
	void count(String remoteAddress) {
		Instant now = this.clock.instant();
		AttemptCounter.Count counter = this.counter.raise(SCOPE, ClientAddresses.group(remoteAddress), now, WINDOW);
		if (counter.attempts() > this.perWindow) {
			throw new SignupThrottledException(counter.retryAfter(now));
		}
	}

}
