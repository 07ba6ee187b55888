package org.veille.account;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import org.veille.mail.MailSending;

import static org.assertj.core.api.Assertions.assertThat;

/** When {@code veille.signup.verify-email} is unset, posting waits for a confirmed address only if e-mails are sent. */
class PostingPermissionTests {

	@ParameterizedTest(name = "verify-email={0}, SMTP={1}: confirmed addresses only = {2}")
	@CsvSource(nullValues = "unset", value = { "unset, true, true", "unset, false, false", "true, false, true",
			"false, true, false" })
	void shouldTakeTheDefaultFromWhetherEmailsAreSent(@Nullable Boolean verifyEmail, boolean viaSmtp,
			boolean verifiedOnly) {
		PostingPermission rule = new PostingPermission(JdbcClient.create(new DriverManagerDataSource()),
				new SignupProperties(5, verifyEmail), new MailSending(viaSmtp));

		assertThat(rule.verifiedOnly()).isEqualTo(verifiedOnly);
	}

}
