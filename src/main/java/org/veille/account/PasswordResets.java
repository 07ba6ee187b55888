package org.veille.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Getting back into an account whose password was forgotten. A request names a login or an e-mail
 * address and always gets the same answer, so nobody learns whether an account exists; when one matches,
 * a single-use link valid {@link AccountMails#RESET_VALID_FOR} is mailed to its address. Requests are
 * limited per client address ({@value #PER_ADDRESS} an hour: more are refused, 429) and per account
 * ({@value #PER_ACCOUNT} e-mails an hour: more are silently not sent, so the answer stays the same).
 * Setting a new password uses the token and ends every session of the person
 * ({@link CredentialsStamp}).
 */
@Service
class PasswordResets {

	static final int PER_ADDRESS = 10;

	static final int PER_ACCOUNT = 3;

	static final Duration WINDOW = Duration.ofHours(1);

	private static final String BY_ADDRESS = "reset address";

	private static final String BY_ACCOUNT = "reset account";

	private final JdbcClient jdbc;

	private final AttemptCounter counter;

	private final AccountMails mails;

	private final AccountTokens tokens;

	private final PasswordRules rules;

	private final PasswordEncoder encoder;

	private final Clock clock;

	PasswordResets(JdbcClient jdbc, AttemptCounter counter, AccountMails mails, AccountTokens tokens,
			PasswordRules rules, PasswordEncoder encoder, Clock clock) {
		this.jdbc = jdbc;
		this.counter = counter;
		this.mails = mails;
		this.tokens = tokens;
		this.rules = rules;
		this.encoder = encoder;
		this.clock = clock;
	}

	/**
	 * A request from this client address for this login or e-mail.
	 * @throws ResetThrottledException when the address asked too often
	 */
	@Transactional
	void request(String loginOrEmail, String remoteAddress) {
		Instant now = this.clock.instant();
		AttemptCounter.Count byAddress = this.counter.raise(BY_ADDRESS, ClientAddresses.group(remoteAddress), now,
				WINDOW);
		if (byAddress.attempts() > PER_ADDRESS) {
			throw new ResetThrottledException(byAddress.retryAfter(now));
		}
		Optional<Long> account = find(loginOrEmail.strip());
		if (account.isEmpty()) {
			return;
		}
		if (this.counter.raise(BY_ACCOUNT, account.get().toString(), now, WINDOW).attempts() <= PER_ACCOUNT) {
			this.mails.reset(account.get());
		}
	}

	/** Whether this link may still set a password. */
	@Transactional(readOnly = true)
	boolean usable(String token) {
		return this.tokens.peek(AccountTokens.Purpose.RESET, token).isPresent();
	}

	/**
	 * Sets the new password, if the link is still usable and the password follows {@link PasswordRules};
	 * every session of the person ends.
	 * @return false when the link is unknown, expired or used
	 * @throws SignupRejectedException when the password breaks a rule (the link stays usable)
	 */
	@Transactional
	boolean reset(String token, String password) {
		Optional<AccountTokens.Holder> holder = this.tokens.peek(AccountTokens.Purpose.RESET, token);
		if (holder.isEmpty()) {
			return false;
		}
		long accountId = holder.get().accountId();
		this.jdbc.sql("select login, email from accounts where id = :id")
			.param("id", accountId)
			.query((rs) -> {
				this.rules.check(password, rs.getString("login"), rs.getString("email"));
			});
		if (this.tokens.consume(AccountTokens.Purpose.RESET, token).isEmpty()) {
			return false;
		}
		this.jdbc.sql("""
				update accounts set password_hash = :hash, credentials_changed_at = clock_timestamp() where id = :id
				""").param("hash", this.encoder.encode(password)).param("id", accountId).update();
		return true;
	}

	/** The account of this login, or else of this address; logins never hold an @. */
	private Optional<Long> find(String loginOrEmail) {
		if (loginOrEmail.isEmpty() || loginOrEmail.length() > 254) {
			return Optional.empty();
		}
		String column = loginOrEmail.contains("@") ? "email" : "login";
		// lower() on both sides: the lookups of the unique indexes accounts_login_key and accounts_email_key
		return this.jdbc.sql("select id from accounts where lower(" + column + ") = lower(:value)")
			.param("value", loginOrEmail)
			.query(Long.class)
			.optional();
	}

}
