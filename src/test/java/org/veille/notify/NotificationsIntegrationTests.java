package org.veille.notify;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import org.veille.support.IntegrationTest;
import org.veille.support.Mailbox;
import org.veille.support.Posting;
import org.veille.support.Social;
import org.veille.support.TestPeople;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

@IntegrationTest
class NotificationsIntegrationTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private Mailbox mailbox;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private Digests digests;

	@LocalServerPort
	private int port;

	@Test
	void shouldMailTheAuthorOnceInTheirLanguageForAReplyThatAlsoMentionsThem() throws Exception {
		String author = TestPeople.uniqueName("author");
		String replier = TestPeople.uniqueName("replier");
		MockHttpSession authorSession = TestPeople.signUpConfirmed(this.mvc, this.mailbox, author);
		MockHttpSession replierSession = TestPeople.signUpConfirmed(this.mvc, this.mailbox, replier);
		this.jdbc.sql("update accounts set language = 'fr' where login = ?").param(author).update();
		long thread = Posting.as(this.mvc, authorSession, "Été caniculaire à Lyon\n\nLe relevé #climat");
		long reply = Posting.reply(this.mvc, replierSession, thread, "Merci @" + author + " <script>alert(1)</script>");

		MimeMessage mail = this.mailbox.awaitSubject(TestPeople.address(author), "mentionné");
		awaitDone(author, reply);

		assertThat(this.mailbox.to(TestPeople.address(author))).filteredOn((m) -> Mailbox.subject(m).contains(replier))
			.as("one e-mail for a reply that mentions the thread's author").hasSize(1);
		assertThat(Mailbox.subject(mail)).isEqualTo(replier + " vous a mentionné dans « Été caniculaire à Lyon »");
		assertThat(Mailbox.header(mail, "Subject")).as("encoded by Jakarta Mail").contains("=?UTF-8?");
		assertThat(Mailbox.header(mail, "Message-ID")).endsWith("@veille.test>");
		assertThat(Mailbox.header(mail, "In-Reply-To")).isEqualTo("<veille.thread." + thread + "@veille.test>");
		assertThat(Mailbox.header(mail, "References")).isEqualTo("<veille.thread." + thread + "@veille.test>");
		assertThat(Mailbox.header(mail, "List-Unsubscribe")).matches("<http://localhost:\\d+/unsubscribe/[\\w-]+>");
		assertThat(Mailbox.header(mail, "List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
		assertThat(Mailbox.text(mail)).contains("<script>alert(1)</script>")
			.contains("/messages/" + thread + "#m" + reply);
		assertThat(Mailbox.html(mail)).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>")
			.contains("href=\"http://localhost:");
	}

	@Test
	void shouldTellNobodyAboutTheirOwnActionNorABlockerNorAnUnconfirmedAddress() throws Exception {
		String author = TestPeople.uniqueName("author");
		String blocker = TestPeople.uniqueName("blocker");
		String unconfirmed = TestPeople.uniqueName("unconf");
		String actor = TestPeople.uniqueName("actor");
		MockHttpSession authorSession = TestPeople.signUpConfirmed(this.mvc, this.mailbox, author);
		MockHttpSession blockerSession = TestPeople.signUpConfirmed(this.mvc, this.mailbox, blocker);
		MockHttpSession unconfirmedSession = TestPeople.signUp(this.mvc, unconfirmed);
		MockHttpSession actorSession = TestPeople.signUpConfirmed(this.mvc, this.mailbox, actor);
		long thread = Posting.as(this.mvc, authorSession, "A thread for blocks " + author);
		Posting.reply(this.mvc, blockerSession, thread, "I was here first");
		Posting.reply(this.mvc, unconfirmedSession, thread, "Me too");
		this.jdbc.sql("""
				insert into notification_settings (account_id, on_reply_after)
				select id, true from accounts where login in (?, ?)
				""").params(blocker, unconfirmed).update();
		Social.block(this.mvc, blockerSession, actor);

		long reply = Posting.reply(this.mvc, actorSession, thread, "Hello @" + actor + " and all");

		this.mailbox.awaitSubject(TestPeople.address(author), actor + " replied to");
		assertThat(queuedFor(blocker, reply)).as("the blocker").isZero();
		assertThat(queuedFor(unconfirmed, reply)).as("an unconfirmed address").isZero();
		assertThat(queuedFor(actor, reply)).as("the actor, though mentioned").isZero();
		assertThat(this.mailbox.to(TestPeople.address(blocker))).noneMatch((m) -> Mailbox.subject(m).contains(actor));
	}

	@Test
	void shouldUnsubscribeInOneClickWithoutSigningIn() throws Exception {
		String author = TestPeople.uniqueName("author");
		String replier = TestPeople.uniqueName("replier");
		MockHttpSession authorSession = TestPeople.signUpConfirmed(this.mvc, this.mailbox, author);
		MockHttpSession replierSession = TestPeople.signUpConfirmed(this.mvc, this.mailbox, replier);
		long thread = Posting.as(this.mvc, authorSession, "Unsubscribe me " + author);
		Posting.reply(this.mvc, replierSession, thread, "A first reply");
		MimeMessage mail = this.mailbox.awaitSubject(TestPeople.address(author), replier + " replied to");
		String header = Mailbox.header(mail, "List-Unsubscribe");
		URI unsubscribe = URI.create(header.substring(1, header.length() - 1));

		HttpResponse<String> answer = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + unsubscribe.getPath()))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click"))
				.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.body()).contains("no more e-mails about replies to your threads");
		long second = Posting.reply(this.mvc, replierSession, thread, "A second reply");
		assertThat(queuedFor(author, second)).isZero();
	}

	@Test
	void shouldKeepEverySubjectOnOneLineWhateverPeopleTyped() throws Exception {
		String author = TestPeople.uniqueName("author");
		String replier = TestPeople.uniqueName("replier");
		MockHttpSession authorSession = TestPeople.signUpConfirmed(this.mvc, this.mailbox, author);
		MockHttpSession replierSession = TestPeople.signUpConfirmed(this.mvc, this.mailbox, replier);
		this.jdbc.sql("update accounts set display_name = ? where login = ?")
			.params("Eve\r\nBcc: victim@example.org\r\nX-Evil: 1", replier)
			.update();
		long thread = Posting.as(this.mvc, authorSession, "Œuvres d’été « 東京 » " + author);
		Posting.reply(this.mvc, replierSession, thread, "Injected?");

		MimeMessage mail = this.mailbox.awaitSubject(TestPeople.address(author), "Eve Bcc");

		assertThat(Mailbox.subject(mail))
			.isEqualTo("Eve Bcc: victim@example.org X-Evil: 1 replied to “Œuvres d’été « 東京 » " + author + "”");
		assertThat(mail.getAllRecipients()).containsExactly(new InternetAddress(TestPeople.address(author)));
		assertThat(Mailbox.header(mail, "Bcc")).isNull();
		assertThat(Mailbox.header(mail, "X-Evil")).isNull();
		assertThat(this.mailbox.to("victim@example.org")).isEmpty();
	}

	@Test
	void shouldMailFollowsAndStarsOnlyWhenAskedFor() throws Exception {
		String person = TestPeople.uniqueName("person");
		String fan = TestPeople.uniqueName("fan");
		MockHttpSession personSession = TestPeople.signUpConfirmed(this.mvc, this.mailbox, person);
		MockHttpSession fanSession = TestPeople.signUpConfirmed(this.mvc, this.mailbox, fan);
		long quiet = Posting.as(this.mvc, personSession, "Before asking " + person);
		Social.star(this.mvc, fanSession, quiet);
		this.mvc.perform(post("/settings/notifications").session(personSession).with(csrf())
			.param("reply", "on").param("mention", "on").param("follow", "on").param("star", "on")
			.param("digest", "off"));
		long thread = Posting.as(this.mvc, personSession, "After asking " + person);

		Social.follow(this.mvc, fanSession, person);
		Social.star(this.mvc, fanSession, thread);

		this.mailbox.awaitSubject(TestPeople.address(person), fan + " follows you");
		this.mailbox.awaitSubject(TestPeople.address(person), fan + " starred “After asking");
		assertThat(this.mailbox.to(TestPeople.address(person)))
			.noneMatch((m) -> Mailbox.subject(m).contains("Before asking"));
	}

	@Test
	void shouldBoundTheSizeOfADigest() throws Exception {
		String reader = TestPeople.uniqueName("reader");
		String writer = TestPeople.uniqueName("writer");
		MockHttpSession readerSession = TestPeople.signUpConfirmed(this.mvc, this.mailbox, reader);
		MockHttpSession writerSession = TestPeople.signUp(this.mvc, writer);
		for (int i = 0; i < DigestComposer.LISTED + 4; i++) {
			Posting.as(this.mvc, writerSession, "Thread number " + i + " of " + writer);
		}
		Social.follow(this.mvc, readerSession, writer);
		this.mvc.perform(post("/settings/notifications").session(readerSession).with(csrf())
			.param("reply", "on").param("mention", "on").param("digest", "daily"));
		this.jdbc.sql("""
				update notification_settings set digest_due_at = now() - interval '1 second'
				where account_id = (select id from accounts where login = ?)
				""").param(reader).update();

		assertThat(this.digests.queueDue()).isGreaterThanOrEqualTo(1);

		MimeMessage digest = this.mailbox.awaitSubject(TestPeople.address(reader), "new threads today");
		assertThat(Mailbox.subject(digest)).isEqualTo("Veille: 54 new threads today");
		List<String> lines = Mailbox.text(digest).lines().filter((line) -> line.contains("/messages/")).toList();
		assertThat(lines).hasSize(DigestComposer.LISTED);
		assertThat(Mailbox.text(digest)).contains("Thread number 53 of " + writer).contains("And 4 more.")
			.doesNotContain("Thread number 3 of " + writer + " ");
	}

	private long queuedFor(String login, long messageId) {
		return this.jdbc.sql("""
				select count(*) from mail_outbox o join accounts a on a.id = o.recipient_id
				where a.login = ? and o.message_id = ?
				""").params(login, messageId).query(Long.class).single();
	}

	private void awaitDone(String login, long messageId) {
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> this.jdbc.sql("""
				select count(*) from mail_outbox o join accounts a on a.id = o.recipient_id
				where a.login = ? and o.message_id = ? and o.state = 'queued'
				""").params(login, messageId).query(Long.class).single() == 0);
	}

}
