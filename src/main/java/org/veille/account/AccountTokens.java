package org.veille.account;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The single-use tokens that password-reset and address-confirmation links carry: 32 random bytes, of
 * which only the SHA-256 is stored, valid for a while, used once. Times come from the database clock.
 */
@Repository
class AccountTokens {

	enum Purpose {

		RESET("reset"), CONFIRM("confirm");

		private final String column;

		Purpose(String column) {
			this.column = column;
		}

	}

	/** Longer than any token we make: anything longer is not one, and is not hashed. */
	private static final int LONGEST = 64;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	AccountTokens(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A new token for this person, valid for {@code validFor}; returns the token itself (only its hash is kept). */
	@Transactional(propagation = Propagation.MANDATORY)
	String issue(Purpose purpose, long accountId, @Nullable String address, Duration validFor) {
		byte[] random = new byte[32];
		RANDOM.nextBytes(random);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		this.jdbc.sql("""
				insert into account_tokens (token_hash, purpose, account_id, address, created_at, expires_at)
				values (:hash, :purpose, :account, :address, now(), now() + make_interval(secs => :seconds))
				""")
			.param("hash", ApiTokens.hash(token))
			.param("purpose", purpose.column)
			.param("account", accountId)
			.param("address", address)
			.param("seconds", validFor.toSeconds())
			.update();
		return token;
	}

	/** The person and address of a token still usable, without using it (the page that shows the form). */
	@Transactional(readOnly = true)
	Optional<Holder> peek(Purpose purpose, String token) {
		if (token.length() > LONGEST) {
			return Optional.empty();
		}
		return this.jdbc.sql("""
				select account_id, address from account_tokens
				where token_hash = :hash and purpose = :purpose and used_at is null and expires_at > now()
				""")
			.param("hash", ApiTokens.hash(token))
			.param("purpose", purpose.column)
			.query((rs, row) -> new Holder(rs.getLong("account_id"), rs.getString("address")))
			.optional();
	}

	/**
	 * Uses the token, if it is still usable, in one conditional update: of two simultaneous uses only one
	 * gets it. The person's other tokens of the same purpose are used up too.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	Optional<Holder> consume(Purpose purpose, String token) {
		if (token.length() > LONGEST) {
			return Optional.empty();
		}
		Optional<Holder> holder = this.jdbc.sql("""
				update account_tokens set used_at = now()
				where token_hash = :hash and purpose = :purpose and used_at is null and expires_at > now()
				returning account_id, address
				""")
			.param("hash", ApiTokens.hash(token))
			.param("purpose", purpose.column)
			.query((rs, row) -> new Holder(rs.getLong("account_id"), rs.getString("address")))
			.optional();
		holder.ifPresent((used) -> this.jdbc.sql("""
				update account_tokens set used_at = now()
				where account_id = :account and purpose = :purpose and used_at is null
				""").param("account", used.accountId()).param("purpose", purpose.column).update());
		return holder;
	}

	record Holder(long accountId, @Nullable String address) {
	}

}
