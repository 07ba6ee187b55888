package org.veille.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.veille.database.Timestamps;

/**
 * Personal API tokens (Authorization: Bearer): 32 random bytes shown once at creation; only their
 * SHA-256 is stored, so a token can be checked and revoked but never shown again.
 */
@Service
class ApiTokens {

	/** A new token: its secret is shown this once. */
	record Created(long id, String secret) {
	}

	static final String PREFIX = "veille_";

	static final int MAX_TOKENS = 20;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Administrators administrators;

	ApiTokens(JdbcClient jdbc, Clock clock, Administrators administrators) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.administrators = administrators;
	}

	@Transactional
	Created create(long accountId, String name) {
		long count = this.jdbc.sql("select count(*) from api_tokens where account_id = :account")
			.param("account", accountId)
			.query(Long.class)
			.single();
		if (count >= MAX_TOKENS) {
			throw new TooManyTokensException();
		}
		byte[] random = new byte[32];
		RANDOM.nextBytes(random);
		String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		long id = this.jdbc.sql("""
				insert into api_tokens (account_id, name, token_hash, created_at)
				values (:account, :name, :hash, :now) returning id
				""")
			.param("account", accountId)
			.param("name", name.strip())
			.param("hash", hash(secret))
			.param("now", Timestamps.of(now()))
			.query(Long.class)
			.single();
		return new Created(id, secret);
	}

	@Transactional(readOnly = true)
	List<TokenView> list(long accountId) {
		return this.jdbc.sql("""
				select id, name, created_at, coalesce(last_used_at, created_at) as last_used_at
				from api_tokens where account_id = :account order by created_at, id
				""")
			.param("account", accountId)
			.query((rs, row) -> new TokenView(rs.getLong("id"), rs.getString("name"),
					Timestamps.read(rs, "created_at"), Timestamps.read(rs, "last_used_at")))
			.list();
	}

	/** Revokes one of the person's tokens; someone else's token or an unknown id changes nothing. */
	@Transactional
	boolean revoke(long accountId, long tokenId) {
		return this.jdbc.sql("delete from api_tokens where id = :id and account_id = :account")
			.param("id", tokenId)
			.param("account", accountId)
			.update() > 0;
	}

	/** The account this token belongs to, noting its use; none for a suspended account's token. */
	@Transactional
	Optional<CurrentAccount> authenticate(String secret) {
		if (!secret.startsWith(PREFIX) || secret.length() > 200) {
			return Optional.empty();
		}
		return this.jdbc.sql("""
				update api_tokens t set last_used_at = :now from accounts a
				where t.token_hash = :hash and a.id = t.account_id and a.suspended_at is null
				returning a.id, a.login, a.password_hash
				""")
			.param("now", Timestamps.of(now()))
			.param("hash", hash(secret))
			.query((rs, row) -> new CurrentAccount(rs.getLong("id"), rs.getString("login"),
					rs.getString("password_hash"),
					this.administrators.roleOf(rs.getLong("id"), rs.getString("login"))))
			.optional();
	}

	static byte[] hash(String secret) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JDK has SHA-256", ex);
		}
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	/** A person has {@value #MAX_TOKENS} tokens already. */
	static class TooManyTokensException extends RuntimeException {

		TooManyTokensException() {
			super("Too many API tokens");
		}

	}

}
