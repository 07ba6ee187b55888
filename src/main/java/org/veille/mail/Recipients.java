package org.veille.mail;

import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The person an e-mail goes to, as they are when it is sent: their address, whether they confirmed it,
 * and the language to write in (the one chosen on /settings, else the one their browser last asked for,
 * else English).
 */
@Component
public class Recipients {

	private final JdbcClient jdbc;

	Recipients(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Recipient> find(long accountId) {
		return this.jdbc.sql("""
				select id, login, display_name, email, email_verified_at is not null as verified,
				       coalesce(language, seen_language, 'en') as language
				from accounts where id = :id
				""")
			.param("id", accountId)
			.query((rs, row) -> new Recipient(rs.getLong("id"), rs.getString("login"), rs.getString("display_name"),
					rs.getString("email"), rs.getBoolean("verified"), Locale.forLanguageTag(rs.getString("language"))))
			.optional();
	}

	/** A person as e-mails address and name them. */
	public record Recipient(long id, String login, @Nullable String displayName, String email, boolean verified,
			Locale locale) {

		/** The name shown for them: their display name, else their login, on one line. */
		public String name() {
			return MailHeaders.oneLine((this.displayName != null && !this.displayName.isBlank()) ? this.displayName
					: this.login);
		}

	}

}
