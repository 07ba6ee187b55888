package org.veille.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import org.veille.database.Timestamps;

/**
 * Slows down password guessing (DESIGN §8). After {@value #MAX_FAILURES_PER_LOGIN} failed attempts
 * on one login from one client within {@link #WINDOW}, or {@value #MAX_FAILURES_PER_CLIENT} from
 * one client on any logins, further attempts from that client are refused until the window has
 * passed. Keyed by client as well as login, so that nobody can lock someone else out from afar.
 * Kept in PostgreSQL, so that every instance of the site sees the same count.
 */
@Component
class LoginThrottle {

	static final Duration WINDOW = Duration.ofMinutes(15);

	static final int MAX_FAILURES_PER_LOGIN = 5;

	static final int MAX_FAILURES_PER_CLIENT = 50;

	private final JdbcClient jdbc;

	private final Clock clock;

	LoginThrottle(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	boolean isThrottled(String login, String client) {
		Instant since = this.clock.instant().minus(WINDOW);
		long forLogin = this.jdbc.sql("""
				select count(*) from login_failures
				where login_key = :login and client = :client and failed_at > :since
				""").param("login", key(login)).param("client", client).param("since", Timestamps.of(since))
			.query(Long.class)
			.single();
		if (forLogin >= MAX_FAILURES_PER_LOGIN) {
			return true;
		}
		long forClient = this.jdbc.sql("select count(*) from login_failures where client = :client and failed_at > :since")
			.param("client", client)
			.param("since", Timestamps.of(since))
			.query(Long.class)
			.single();
		return forClient >= MAX_FAILURES_PER_CLIENT;
	}

	@Transactional
	void recordFailure(String login, String client) {
		Instant now = this.clock.instant();
		this.jdbc.sql("delete from login_failures where client = :client and failed_at <= :expired")
			.param("client", client)
			.param("expired", Timestamps.of(now.minus(WINDOW)))
			.update();
		this.jdbc.sql("""
				insert into login_failures (login_key, client, failed_at) values (:login, :client, :now)
				on conflict do nothing
				""").param("login", key(login)).param("client", client).param("now", Timestamps.of(now)).update();
	}

	@Transactional
	void recordSuccess(String login, String client) {
		this.jdbc.sql("delete from login_failures where login_key = :login and client = :client")
			.param("login", key(login))
			.param("client", client)
			.update();
	}

	/** Whatever was typed, bounded and without the NUL that PostgreSQL refuses. */
	private static String key(String login) {
		String cleaned = login.replace("\u0000", "").toLowerCase(Locale.ROOT);
		return (cleaned.length() > 100) ? cleaned.substring(0, 100) : cleaned;
	}

}
