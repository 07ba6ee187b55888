package org.veille.account;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.veille.database.Timestamps;

/**
 * The secret address of a person's home-stream feed: a random token in the URL, of which only the
 * SHA-256 is stored. A new token replaces the old one; revoking leaves none.
 */
@Service
public class HomeFeedTokens {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final Clock clock;

	HomeFeedTokens(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** A new secret for this person's feed; the old address stops working. */
	@Transactional
	public String renew(long accountId) {
		byte[] random = new byte[24];
		RANDOM.nextBytes(random);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		this.jdbc.sql("""
				insert into home_feed_tokens (account_id, token_hash, created_at) values (:account, :hash, :now)
				on conflict (account_id) do update set token_hash = excluded.token_hash, created_at = excluded.created_at
				""")
			.param("account", accountId)
			.param("hash", ApiTokens.hash(token))
			.param("now", Timestamps.of(this.clock.instant().truncatedTo(ChronoUnit.MICROS)))
			.update();
		return token;
	}

	@Transactional
	public void revoke(long accountId) {
		this.jdbc.sql("delete from home_feed_tokens where account_id = :account").param("account", accountId).update();
	}

	@Transactional(readOnly = true)
	boolean exists(long accountId) {
		return this.jdbc.sql("select count(*) from home_feed_tokens where account_id = :account")
			.param("account", accountId)
			.query(Long.class)
			.single() > 0;
	}

	/** The account and login whose feed this token opens. */
	@Transactional(readOnly = true)
	public Optional<PersonKey> owner(String token) {
		if (token.length() > 100) {
			return Optional.empty();
		}
		return this.jdbc.sql("""
				select a.id, a.login from home_feed_tokens t join accounts a on a.id = t.account_id
				where t.token_hash = :hash
				""")
			.param("hash", ApiTokens.hash(token))
			.query((rs, row) -> new PersonKey(rs.getLong("id"), rs.getString("login")))
			.optional();
	}

	public record PersonKey(long id, String login) {
	}

}
