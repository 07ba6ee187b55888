package org.veille.account;

import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.veille.database.Timestamps;

/**
 * A new password chosen on /settings, the current one given: every other session of the person ends
 * ({@link CredentialsStampFilter}); the caller moves its own session to the new stamp.
 */
@Service
class PasswordChange {

	private final JdbcClient jdbc;

	private final PasswordEncoder encoder;

	private final PasswordRules rules;

	PasswordChange(JdbcClient jdbc, PasswordEncoder encoder, PasswordRules rules) {
		this.jdbc = jdbc;
		this.encoder = encoder;
		this.rules = rules;
	}

	/**
	 * @return the person as this session now carries them
	 * @throws SignupRejectedException for a wrong current password ({@code current}) or a new one that
	 * breaks a rule ({@code password})
	 */
	@Transactional
	CurrentAccount change(CurrentAccount me, String current, String password) {
		Stored account = this.jdbc.sql("select login, email, password_hash from accounts where id = :id for update")
			.param("id", me.id())
			.query((rs, row) -> new Stored(rs.getString("login"), rs.getString("email"), rs.getString("password_hash")))
			.single();
		if (!this.encoder.matches(current, account.passwordHash())) {
			throw SignupRejectedException.wrongPassword();
		}
		if (password.isEmpty()) {
			throw SignupRejectedException.passwordMissing();
		}
		this.rules.check(password, account.login(), account.email());
		String hash = this.encoder.encode(password);
		Instant stamp = this.jdbc.sql("""
				update accounts set password_hash = :hash, credentials_changed_at = clock_timestamp() where id = :id
				returning credentials_changed_at
				""")
			.param("hash", hash)
			.param("id", me.id())
			.query((rs, row) -> Timestamps.read(rs, "credentials_changed_at"))
			.single();
		return me.withCredentials(hash, stamp);
	}

	private record Stored(String login, String email, String passwordHash) {
	}

}
