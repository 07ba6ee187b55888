package org.veille.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.veille.database.Timestamps;

/**
 * Slows down password guessing (DESIGN §8). Every sign-in attempt, by the form or by HTTP Basic, is
 * counted before its password is checked, in one statement that raises the counters and reads them
 * back; an attempt past a limit is refused without checking anything. The limits:
 * <ul>
 * <li>{@value #MAX_PER_ACCOUNT_AND_ADDRESS} attempts on one login from one address in {@link #WINDOW};</li>
 * <li>{@value #MAX_PER_ADDRESS} attempts from one address on any logins in {@link #WINDOW};</li>
 * <li>{@value #MAX_PER_ACCOUNT} attempts on one login from all addresses together in {@link #ACCOUNT_WINDOW},
 * not counting addresses where that account signed in within {@link #KNOWN_FOR}.</li>
 * </ul>
 * An address is an IPv4 address or an IPv6 /64 ({@link ClientAddresses}). The last limit stops guesses
 * spread over many addresses; leaving out the owner's known addresses, and a short window, mean that such
 * guesses cannot lock the owner out where they usually sign in. A success forgets the failures on that
 * login from that address and takes itself off the other counters. Kept in PostgreSQL, so every instance
 * of the site shares the counts.
 */
@Component
class LoginThrottle {

	static final Duration WINDOW = Duration.ofMinutes(15);

	static final int MAX_PER_ACCOUNT_AND_ADDRESS = 5;

	static final int MAX_PER_ADDRESS = 50;

	static final Duration ACCOUNT_WINDOW = Duration.ofMinutes(5);

	static final int MAX_PER_ACCOUNT = 20;

	static final Duration KNOWN_FOR = Duration.ofDays(30);

	private static final String BY_ADDRESS = "sign-in address";

	private static final String BY_ACCOUNT_AND_ADDRESS = "sign-in account+address";

	private static final String BY_ACCOUNT = "sign-in account";

	private static final String KNOWN = "sign-in known address";

	/** Raises a counter, or starts it again at one when its window has passed; the same in each step below. */
	private static final String RAISE = """
			on conflict (scope, subject) do update
			    set attempts = case when c.expires_at > :now then c.attempts + 1 else 1 end,
			        expires_at = case when c.expires_at > :now then c.expires_at else excluded.expires_at end
			returning c.scope, c.attempts, c.expires_at
			""";

	/**
	 * The address first, then the login from that address (only while the address is under its limit, so
	 * that a refused address adds no rows), then the login from everywhere (only while both are under
	 * theirs, and not from an address the account knows). Each step waits for the row lock of the one
	 * before, always in this order, so simultaneous attempts are counted one after the other.
	 */
	private static final String COUNT = """
			with by_address as (
			    insert into attempt_counters as c (scope, subject, attempts, expires_at)
			    values ('%1$s', :address, 1, :windowEnd)
			    %5$s
			), by_account_and_address as (
			    insert into attempt_counters as c (scope, subject, attempts, expires_at)
			    select '%2$s', :pair, 1, :windowEnd from by_address where attempts <= :maxPerAddress
			    %5$s
			), by_account as (
			    insert into attempt_counters as c (scope, subject, attempts, expires_at)
			    select '%3$s', :account, 1, :accountWindowEnd from by_account_and_address
			    where attempts <= :maxPerAccountAndAddress
			      and not exists (select from attempt_counters k
			                      where k.scope = '%4$s' and k.subject = :pair and k.expires_at > :now)
			    %5$s
			)
			select scope, attempts, expires_at from by_address
			union all select scope, attempts, expires_at from by_account_and_address
			union all select scope, attempts, expires_at from by_account
			""".formatted(BY_ADDRESS, BY_ACCOUNT_AND_ADDRESS, BY_ACCOUNT, KNOWN, RAISE);

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ExpiredCounters expired;

	private final LoginMeters meters;

	LoginThrottle(JdbcClient jdbc, Clock clock, ExpiredCounters expired, LoginMeters meters) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.expired = expired;
		this.meters = meters;
	}

	/** Counts an attempt on this login from this address and says whether its password may be checked. */
	LoginAttempt attempt(String login, String remoteAddress) {
		this.expired.sweepIfDue();
		String account = key(login);
		String address = ClientAddresses.group(remoteAddress);
		Instant now = this.clock.instant();
		List<Counter> counters = this.jdbc.sql(COUNT)
			.param("address", address)
			.param("pair", pair(account, address))
			.param("account", account)
			.param("now", Timestamps.of(now))
			.param("windowEnd", Timestamps.of(now.plus(WINDOW)))
			.param("accountWindowEnd", Timestamps.of(now.plus(ACCOUNT_WINDOW)))
			.param("maxPerAddress", MAX_PER_ADDRESS)
			.param("maxPerAccountAndAddress", MAX_PER_ACCOUNT_AND_ADDRESS)
			.query((rs, row) -> new Counter(rs.getString("scope"), rs.getInt("attempts"),
					Timestamps.read(rs, "expires_at")))
			.list();
		Instant refusedUntil = null;
		String refusedBy = null;
		for (Counter counter : counters) {
			if (counter.attempts() > limitOf(counter.scope())
					&& (refusedUntil == null || counter.expiresAt().isAfter(refusedUntil))) {
				refusedUntil = counter.expiresAt();
				refusedBy = counter.scope();
			}
		}
		if (refusedBy != null) {
			this.meters.refused(limitName(refusedBy));
		}
		boolean countedForAccount = counters.stream().anyMatch((counter) -> counter.scope().equals(BY_ACCOUNT));
		return new LoginAttempt(account, address, countedForAccount,
				(refusedUntil != null) ? atLeastASecond(Duration.between(now, refusedUntil)) : null);
	}

	/**
	 * After the right password: forgets the failures on this login from this address, takes this attempt
	 * off the counters that will go on counting, and remembers the address as the account's. One row per
	 * statement, so that no two statements ever wait for each other's rows.
	 */
	void succeeded(LoginAttempt attempt) {
		Instant now = this.clock.instant();
		takeOff(BY_ADDRESS, attempt.address(), now);
		this.jdbc.sql("delete from attempt_counters where scope = :scope and subject = :pair")
			.param("scope", BY_ACCOUNT_AND_ADDRESS)
			.param("pair", pair(attempt.account(), attempt.address()))
			.update();
		if (attempt.countedForAccount()) {
			takeOff(BY_ACCOUNT, attempt.account(), now);
		}
		this.jdbc.sql("""
				insert into attempt_counters (scope, subject, attempts, expires_at) values (:scope, :pair, 0, :until)
				on conflict (scope, subject) do update set expires_at = excluded.expires_at
				""")
			.param("scope", KNOWN)
			.param("pair", pair(attempt.account(), attempt.address()))
			.param("until", Timestamps.of(now.plus(KNOWN_FOR)))
			.update();
	}

	private void takeOff(String scope, String subject, Instant now) {
		this.jdbc.sql("""
				update attempt_counters set attempts = attempts - 1
				where scope = :scope and subject = :subject and attempts > 0 and expires_at > :now
				""").param("scope", scope).param("subject", subject).param("now", Timestamps.of(now)).update();
	}

	private static Duration atLeastASecond(Duration wait) {
		return (wait.compareTo(Duration.ofSeconds(1)) < 0) ? Duration.ofSeconds(1) : wait;
	}

	private static int limitOf(String scope) {
		return switch (scope) {
			case BY_ADDRESS -> MAX_PER_ADDRESS;
			case BY_ACCOUNT_AND_ADDRESS -> MAX_PER_ACCOUNT_AND_ADDRESS;
			default -> MAX_PER_ACCOUNT;
		};
	}

	private static String limitName(String scope) {
		return switch (scope) {
			case BY_ADDRESS -> "address";
			case BY_ACCOUNT_AND_ADDRESS -> "account-and-address";
			default -> "account";
		};
	}

	/** An address never holds a space, so the first space tells where the login starts. */
	private static String pair(String account, String address) {
		return address + " " + account;
	}

	/** Whatever was typed, folded, bounded and without the NUL that PostgreSQL refuses. */
	private static String key(String login) {
		String cleaned = login.replace("\u0000", "").toLowerCase(Locale.ROOT);
		return (cleaned.length() > 100) ? cleaned.substring(0, 100) : cleaned;
	}

	private record Counter(String scope, int attempts, Instant expiresAt) {
	}

}
