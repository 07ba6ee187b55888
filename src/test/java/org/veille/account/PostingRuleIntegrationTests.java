package org.veille.account;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import org.veille.support.IntegrationTest;
import org.veille.support.Mailbox;
import org.veille.support.Posting;
import org.veille.support.TestPeople;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * {@code veille.signup.verify-email=true}, in a context of its own: people who sign up post once they confirmed
 * their address, whichever way they post (form, reply, API, import); accounts made before e-mail existed keep
 * posting, and are invited to confirm for their notifications.
 */
@IntegrationTest
@TestPropertySource(properties = "veille.signup.verify-email=true")
class PostingRuleIntegrationTests {

	private static final String BOOKMARKS = """
			<!DOCTYPE NETSCAPE-Bookmark-file-1>
			<DL><p>
			<DT><A HREF="https://example.org/unconfirmed" ADD_DATE="1700000000">Read later</A>
			</DL><p>
			""";

	@Autowired
	private MockMvc mvc;

	@Autowired
	private Mailbox mailbox;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void shouldLetANewPersonPostOnlyOnceTheyConfirmedTheirAddress() throws Exception {
		String starter = TestPeople.uniqueName("starter");
		long thread = Posting.as(this.mvc, TestPeople.signUpConfirmed(this.mvc, this.mailbox, starter),
				"A thread to reply to " + starter);
		String login = TestPeople.uniqueName("newcomer");
		assertThat(TestPeople.pageAfterSignUp(this.mvc, login, TestPeople.address(login)))
			.contains("You can post once your address is confirmed.");
		MockHttpSession me = TestPeople.signIn(this.mvc, login);

		String form = this.mvc.perform(post("/post").session(me).with(csrf()).param("text", "My first words " + login))
			.andReturn().getResponse().getContentAsString();
		String reply = this.mvc.perform(post("/messages/" + thread + "/replies").session(me).with(csrf())
			.param("text", "My first reply " + login)).andReturn().getResponse().getContentAsString();
		MockHttpServletResponse api = this.mvc.perform(post("/api/messages")
			.header("Authorization", basic(login))
			.contentType("application/atom+xml")
			.content(("<entry xmlns=\"http://www.w3.org/2005/Atom\"><summary>By the API " + login
					+ "</summary></entry>").getBytes(StandardCharsets.UTF_8)))
			.andReturn().getResponse();
		MockHttpServletResponse imported = this.mvc.perform(multipart("/settings/import")
			.file(new MockMultipartFile("file", "bookmarks.html", "text/html", BOOKMARKS.getBytes(StandardCharsets.UTF_8)))
			.session(me).with(csrf().asHeader())).andReturn().getResponse();

		assertThat(form).contains("Confirm your e-mail address before posting").contains("My first words " + login);
		assertThat(reply).contains("Confirm your e-mail address before posting").contains("My first reply " + login);
		assertThat(api.getStatus()).isEqualTo(422);
		assertThat(api.getContentAsString()).startsWith("Confirm your e-mail address before posting");
		assertThat(imported.getStatus()).isEqualTo(403);
		assertThat(imported.getContentAsString()).contains("Confirm your e-mail address before importing");
		assertThat(count("select count(*) from messages m join accounts a on a.id = m.author_id where a.login = ?", login))
			.isZero();
		assertThat(count("select count(*) from imports i join accounts a on a.id = i.account_id where a.login = ?", login))
			.isZero();
		assertThat(Posting.page(this.mvc, me, "/settings")).contains("confirm it to post");

		MimeMessage confirmation = this.mailbox.awaitSubject(TestPeople.address(login), "Confirm your address");
		this.mvc.perform(post(Mailbox.path(confirmation, "/email/confirm/")).with(csrf()));

		Posting.as(this.mvc, me, "My first words " + login);
		Posting.reply(this.mvc, me, thread, "My first reply " + login);
	}

	@Test
	void shouldLetAnAccountOlderThanEmailPostUnconfirmedAndInviteItToConfirmForNotifications() throws Exception {
		String login = TestPeople.uniqueName("veteran");
		MockHttpSession veteran = TestPeople.signUp(this.mvc, login);
		// As migration V31 leaves the accounts it finds: never asked to confirm, address not confirmed.
		this.jdbc.sql("update accounts set must_confirm = false where login = ?").param(login).update();
		String replier = TestPeople.uniqueName("replier");
		MockHttpSession replierSession = TestPeople.signUpConfirmed(this.mvc, this.mailbox, replier);

		long thread = Posting.as(this.mvc, veteran, "Posting as before " + login);
		long unnoticed = Posting.reply(this.mvc, replierSession, thread, "A reply nobody is mailed about");

		assertThat(count("select count(*) from mail_outbox where message_id = ?", unnoticed))
			.as("no notification to an unconfirmed address").isZero();
		assertThat(Posting.page(this.mvc, veteran, "/settings"))
			.contains("Confirm your address to get e-mail notifications")
			.contains("Send me a confirmation link")
			.doesNotContain("confirm it to post");

		this.mvc.perform(post("/settings/email/confirm").session(veteran).with(csrf()));
		MimeMessage confirmation = this.mailbox.awaitSubject(TestPeople.address(login), "Confirm your address");
		this.mvc.perform(post(Mailbox.path(confirmation, "/email/confirm/")).with(csrf()));
		Posting.reply(this.mvc, replierSession, thread, "A reply mailed now");
		this.mailbox.awaitSubject(TestPeople.address(login), replier + " replied to");
	}

	private long count(String sql, Object parameter) {
		return this.jdbc.sql(sql).param(parameter).query(Long.class).single();
	}

	private static String basic(String login) {
		return "Basic " + Base64.getEncoder()
			.encodeToString((login + ":" + TestPeople.PASSWORD).getBytes(StandardCharsets.UTF_8));
	}

}
