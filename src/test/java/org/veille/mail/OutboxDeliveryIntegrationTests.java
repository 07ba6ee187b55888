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
		assertThat(this.jdbc.sql("select state from mail_outbox where message_id = ?").param(reply)
			.query(String.class).single()).isEqualTo("sent");
	}

}
