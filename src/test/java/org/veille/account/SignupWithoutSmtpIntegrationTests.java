package org.veille.account;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import org.veille.support.IntegrationTest;
import org.veille.support.TestPeople;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Sign-up on an instance without SMTP server (the embedded default), in a context of its own where Spring Boot
 * makes no mail sender: nothing is sent, so the page does not send people to their mailbox, and the e-mail is
 * kept in the outbox.
 */
@IntegrationTest
@TestPropertySource(properties = "spring.autoconfigure.exclude="
		+ "org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration")
class SignupWithoutSmtpIntegrationTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void shouldShowANewAndATakenAddressTheSamePageSayingTheAccountIsReady() throws Exception {
		String owner = TestPeople.uniqueName("owner");
		TestPeople.signUp(this.mvc, owner);
		String fresh = TestPeople.uniqueName("fresh");

		String created = TestPeople.pageAfterSignUp(this.mvc, fresh, TestPeople.address(fresh));
		String taken = TestPeople.pageAfterSignUp(this.mvc, TestPeople.uniqueName("late"), TestPeople.address(owner));

		assertThat(created).isEqualTo(taken);
		assertThat(created).contains("<h1>Your account is ready</h1>")
			.contains("Sign in with your login and password.")
			.contains("If another account already uses this address, no new account was made: sign in to that one.")
			.doesNotContain("mailbox")
			.doesNotContain("We sent");
	}

	@Test
	void shouldKeepTheConfirmationInTheOutboxWithItsLink() throws Exception {
		String login = TestPeople.uniqueName("kept");
		TestPeople.signUp(this.mvc, login);

		await().atMost(Duration.ofSeconds(20)).until(() -> this.jdbc.sql("""
				select count(*) from mail_outbox o join accounts a on a.id = o.recipient_id
				where a.login = ? and o.kind = 'confirm' and o.state = 'kept'
				""").param(login).query(Long.class).single() == 1);
		assertThat(this.jdbc.sql("""
				select o.kept_copy from mail_outbox o join accounts a on a.id = o.recipient_id
				where a.login = ? and o.kind = 'confirm'
				""").param(login).query(String.class).single())
			.startsWith("To: " + TestPeople.address(login) + "\nSubject: Confirm your address on Veille")
			.contains("/email/confirm/");
	}

}
