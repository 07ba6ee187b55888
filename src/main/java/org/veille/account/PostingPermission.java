package org.veille.account;

import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Whether a person may post: with {@code veille.signup.verify-email} (true by default when an SMTP server
 * is configured), only once they confirmed their e-mail address.
 */
@Component
public class PostingPermission {

	private final JdbcClient jdbc;

	private final boolean verifiedOnly;

	PostingPermission(JdbcClient jdbc, SignupProperties properties, Environment environment) {
		this.jdbc = jdbc;
		Boolean configured = properties.verifyEmail();
		this.verifiedOnly = (configured != null) ? configured : environment.containsProperty("spring.mail.host");
	}

	/** Whether unconfirmed addresses keep people from posting here. */
	public boolean verifiedOnly() {
		return this.verifiedOnly;
	}

	public boolean mayPost(long accountId) {
		return !this.verifiedOnly || this.jdbc
			.sql("select email_verified_at is not null from accounts where id = :id")
			.param("id", accountId)
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

}
