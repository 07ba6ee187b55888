package org.veille.admin;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import org.veille.support.Admins;
import org.veille.support.IntegrationTest;
import org.veille.support.Mailbox;
import org.veille.support.Posting;
import org.veille.support.TestPeople;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** The e-mails of moderation, through the outbox to the test SMTP server. */
@IntegrationTest
class ModerationMailIntegrationTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private Mailbox mailbox;

	@Test
	void shouldTellASuspendedPersonSoAndDropTheEmailsStillQueuedForThem() throws Exception {
		String login = TestPeople.uniqueName("mailed");
		TestPeople.signUp(this.mvc, login);
		long id = this.jdbc.sql("select id from accounts where login = :login").param("login", login)
			.query(Long.class)
			.single();
		// An e-mail waiting for its turn (a retry an hour away), as a digest or a notification would.
		long waiting = this.jdbc.sql("""
				insert into mail_outbox (kind, recipient_id, event, not_before)
				values ('reset', :id, 'waiting', now() + interval '1 hour') returning id
				""").param("id", id).query(Long.class).single();
		MockHttpSession admin = Admins.signIn(this.mvc, this.jdbc);

		this.mvc.perform(post("/admin/people/" + login + "/suspend").session(admin).with(csrf()));

		MimeMessage told = this.mailbox.awaitSubject(TestPeople.address(login), "suspended");
		assertThat(Mailbox.text(told)).contains("have suspended your account " + login);
		assertThat(this.jdbc.sql("select state from mail_outbox where id = :id").param("id", waiting)
			.query(String.class)
			.single()).isEqualTo("dropped");
	}

	@Test
	void shouldTellTheReporterInTheirLanguageThatTheirReportWasHandled() throws Exception {
		MockHttpSession author = TestPeople.signUp(this.mvc, TestPeople.uniqueName("author"));
		long message = Posting.as(this.mvc, author, "A doubtful offer");
		String reporterLogin = TestPeople.uniqueName("rapporteur");
		MockHttpSession reporter = TestPeople.signUp(this.mvc, reporterLogin);
		this.jdbc.sql("update accounts set language = 'fr' where login = :login").param("login", reporterLogin).update();
		this.mvc.perform(post("/messages/" + message + "/report").session(reporter).with(csrf()).param("reason", "spam"));
		long report = this.jdbc.sql("select id from reports where message_id = :id").param("id", message)
			.query(Long.class)
			.single();
		MockHttpSession admin = Admins.signIn(this.mvc, this.jdbc);

		this.mvc.perform(post("/admin/reports/" + report).session(admin).with(csrf()).param("action", "hide"));

		MimeMessage told = this.mailbox.awaitSubject(TestPeople.address(reporterLogin), "signalement");
		assertThat(Mailbox.subject(told)).isEqualTo("Votre signalement a été traité");
		assertThat(Mailbox.text(told)).contains("«\u00a0A doubtful offer\u00a0»", "ont caché le message");
	}

}
