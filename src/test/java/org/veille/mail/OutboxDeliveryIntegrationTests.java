package org.veille.mail;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import org.veille.support.IntegrationTest;
import org.veille.support.Mailbox;
import org.veille.support.Posting;
import org.veille.support.TestPeople;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@IntegrationTest
class OutboxDeliveryIntegrationTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private Mailbox mailbox;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private OutboxProperties properties;

	@Test
	void shouldDeliverAReplyPostedWhileTheSmtpServerWasDownOnceItIsBack() throws Exception {
		String author = TestPeople.uniqueName("author");
		String replier = TestPeople.uniqueName("replier");
		MockHttpSession authorSession = TestPeople.signUpConfirmed(this.mvc, this.mailbox, author);
		MockHttpSession replierSession = TestPeople.signUpConfirmed(this.mvc, this.mailbox, replier);
		long thread = Posting.as(this.mvc, authorSession, "While the mail server sleeps " + author);

		this.mailbox.server().stop();
		long reply;
		try {
			reply = Posting.reply(this.mvc, replierSession, thread, "Posted while SMTP is down");
			await().atMost(Duration.ofSeconds(20)).until(() -> this.jdbc.sql("""
					select count(*) from mail_outbox where message_id = ? and state = 'queued' and attempts >= 1
					  and failure is not null
					""").param(reply).query(Long.class).single() == 1);
		}
		finally {
			this.mailbox.server().start();
		}

		this.mailbox.awaitSubject(TestPeople.address(author), replier + " replied to");
		// The worker records the e-mail as sent once the server took it: just after it arrives.
		await().atMost(Duration.ofSeconds(10)).until(() -> this.jdbc.sql("select state from mail_outbox where message_id = ?")
			.param(reply)
			.query(String.class)
			.single(), "sent"::equals);
	}

	@Test
	void shouldRetryAnAddressTheServerRefusesThenGiveUpAndSayWhyOnSettings() throws Exception {
		String login = TestPeople.uniqueName("refused");
		String address = login + "@" + Mailbox.REFUSED_DOMAIN;
		MockHttpSession session = TestPeople.signUp(this.mvc, login, address);

		await().atMost(Duration.ofSeconds(60)).until(() -> confirmation(login).state().equals("given_up"));

		Row row = confirmation(login);
		assertThat(row.attempts()).isEqualTo(this.properties.maxAttempts());
		assertThat(this.mailbox.refusals(address)).as("each attempt reached the server").isEqualTo(row.attempts());
		assertThat(row.failure()).contains("550 5.1.1 <" + address + ">: no such mailbox here");
		assertThat(Posting.page(this.mvc, session, "/settings")).contains("E-mails we could not deliver")
			.contains(address + "</span>: <span>")
			.contains("no such mailbox here");
	}

	@Test
	void shouldSendAgainAfterTheServerDroppedTheConnectionAndDeliverOnce() throws Exception {
		String author = TestPeople.uniqueName("author");
		String replier = TestPeople.uniqueName("replier");
		MockHttpSession authorSession = TestPeople.signUpConfirmed(this.mvc, this.mailbox, author);
		MockHttpSession replierSession = TestPeople.signUpConfirmed(this.mvc, this.mailbox, replier);
		long thread = Posting.as(this.mvc, authorSession, "A flaky mail server " + author);
		this.mailbox.dropConnections(TestPeople.address(author), 2);

		long reply = Posting.reply(this.mvc, replierSession, thread, "Sent over a connection that drops");

		this.mailbox.awaitSubject(TestPeople.address(author), replier + " replied to");
		await().atMost(Duration.ofSeconds(20)).until(() -> this.jdbc.sql("select state from mail_outbox where message_id = ?")
			.param(reply).query(String.class).single().equals("sent"));
		assertThat(this.jdbc.sql("select attempts from mail_outbox where message_id = ?").param(reply)
			.query(Integer.class).single()).as("two dropped, the third delivered").isEqualTo(3);
		assertThat(this.mailbox.to(TestPeople.address(author)))
			.filteredOn((mail) -> Mailbox.subject(mail).contains(replier + " replied to")).hasSize(1);
	}

	@Test
	void shouldNameJakartaMailsStreamProviderSoThatNoMimePartScansTheClassPath() {
		assertThat(System.getProperty("jakarta.mail.util.StreamProvider"))
			.isEqualTo("org.eclipse.angus.mail.util.MailStreamProvider");
		assertThat(jakarta.mail.util.StreamProvider.provider().getClass().getName())
			.isEqualTo("org.eclipse.angus.mail.util.MailStreamProvider");
	}

	private Row confirmation(String login) {
		return this.jdbc.sql("""
				select o.state, o.attempts, o.failure from mail_outbox o join accounts a on a.id = o.recipient_id
				where a.login = ? and o.kind = 'confirm'
				""").param(login).query((rs, n) -> new Row(rs.getString("state"), rs.getInt("attempts"),
				String.valueOf(rs.getString("failure")))).single();
	}

	private record Row(String state, int attempts, String failure) {
	}

}
