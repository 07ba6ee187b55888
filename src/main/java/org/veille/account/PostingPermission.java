package org.veille.account;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.veille.mail.MailSending;

/**
 * Whether a person may post: with {@code veille.signup.verify-email} (true by default when e-mails are sent over
 * SMTP), people who signed up since e-mail exists post once they confirmed their address. Accounts made before
 * (migration V31) post as they did, confirmed or not.
 */
@Component
public class PostingPermission {

	private final JdbcClient jdbc;

	private final boolean verifiedOnly;

	PostingPermission(JdbcClient jdbc, SignupProperties properties, MailSending sending) {
		this.jdbc = jdbc;
		Boolean configured = properties.verifyEmail();
		this.verifiedOnly = (configured != null) ? configured : sending.viaSmtp();
	}

	/** Whether unconfirmed addresses of new accounts keep them from posting here. */
	public boolean verifiedOnly() {
		return this.verifiedOnly;
	}

	public boolean mayPost(long accountId) {
		return !this.verifiedOnly || this.jdbc
			.sql("select email_verified_at is not null or not must_confirm from accounts where id = :id")
			.param("id", accountId)
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

}
