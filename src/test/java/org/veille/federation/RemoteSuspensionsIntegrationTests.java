package org.veille.federation;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import org.veille.support.Admins;
import org.veille.support.IntegrationTest;
import org.veille.support.Posting;
import org.veille.support.TestPeople;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * One account of another server (a real local one, signing its POSTs) suspended from {@code /admin/federation}:
 * refused, its replies hidden and kept, its follows removed, the suspension logged; names that cannot be another
 * server's account answered 400 with what to fix.
 */
@IntegrationTest
class RemoteSuspensionsIntegrationTests {

	@LocalServerPort
	private int port;

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcClient jdbc;

	private RemoteServer remote;

	@BeforeEach
	void startRemote() throws Exception {
		this.remote = new RemoteServer("mallory" + (System.nanoTime() % 1_000_000));
	}

	@AfterEach
	void stopRemote() {
		this.remote.close();
	}

	private String base() {
		return "http://localhost:" + this.port;
	}

	private HttpResponse<String> send(ObjectNode activity) throws Exception {
		return this.remote.post(URI.create(base() + "/federation/inbox"), ActivityStreams.bytes(activity));
	}

	private ObjectNode activity(String type) {
		ObjectNode activity = JsonNodeFactory.instance.objectNode();
		activity.put("id", this.remote.actorId() + "/activities/" + System.nanoTime());
		activity.put("type", type);
		activity.put("actor", this.remote.actorId());
		return activity;
	}

	private ObjectNode reply(String noteId, long inReplyTo, String content) {
		ObjectNode create = activity("Create");
		ObjectNode note = create.putObject("object");
		note.put("id", noteId);
		note.put("type", "Note");
		note.put("attributedTo", this.remote.actorId());
		note.put("inReplyTo", base() + "/messages/" + inReplyTo);
		note.put("content", content);
		return create;
	}

	private String handle() {
		return this.remote.actorId().substring(this.remote.actorId().lastIndexOf('/') + 1) + "@" + this.remote.host();
	}

	private void suspend(MockHttpSession admin, String account) throws Exception {
		this.mvc.perform(post("/admin/federation/suspensions").session(admin).with(csrf()).param("account", account))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("notice", "federation.admin.account.suspended"));
	}

	private int count(String sql, String value) {
		return this.jdbc.sql(sql).param("value", value).query(Integer.class).single();
	}

	@Test
	void aSuspendedAccountIsRefusedAndItsRepliesHiddenUntilTheSuspensionIsLifted() throws Exception {
		MockHttpSession author = TestPeople.signUp(this.mvc, TestPeople.uniqueName("suspender"));
		long thread = Posting.as(this.mvc, author, "Before the suspension");
		assertThat(send(reply(this.remote.actorId() + "/notes/1", thread, "<p>Unwanted reply</p>")).statusCode())
			.isEqualTo(202);
		assertThat(Posting.page(this.mvc, null, "/messages/" + thread)).contains("Unwanted reply");

		MockHttpSession admin = Admins.signIn(this.mvc, this.jdbc);
		suspend(admin, "@" + handle().toUpperCase(java.util.Locale.ROOT));
		assertThat(Posting.page(this.mvc, admin, "/admin/federation")).contains(handle());
		assertThat(Posting.page(this.mvc, null, "/messages/" + thread)).doesNotContain("Unwanted reply")
			.doesNotContain("@" + handle());
		assertThat(count("select count(*) from remote_replies where uri = :value", this.remote.actorId() + "/notes/1"))
			.as("the reply is kept").isOne();

		String laterNote = this.remote.actorId() + "/notes/2";
		HttpResponse<String> refused = send(reply(laterNote, thread, "<p>Again</p>"));
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(refused.body()).contains("suspended");
		assertThat(count("select count(*) from remote_replies where uri = :value", laterNote)).isZero();
		assertThat(Posting.page(this.mvc, admin, "/admin/log")).contains(handle())
			.contains("suspended an account of another server");

		this.mvc.perform(post("/admin/federation/unsuspensions").session(admin).with(csrf())
			.param("account", handle())).andExpect(status().is3xxRedirection());
		assertThat(Posting.page(this.mvc, null, "/messages/" + thread)).contains("Unwanted reply");
		assertThat(send(reply(laterNote, thread, "<p>Again</p>")).statusCode()).isEqualTo(202);
		assertThat(Posting.page(this.mvc, admin, "/admin/log")).contains("lifted the suspension of an account");
	}

	@Test
	void suspendingAnAccountByItsActorIdRemovesItFromFollowers() throws Exception {
		String login = TestPeople.uniqueName("followed");
		MockHttpSession author = TestPeople.signUp(this.mvc, login);
		ObjectNode follow = activity("Follow");
		follow.put("object", base() + "/people/" + login);
		assertThat(send(follow).statusCode()).isEqualTo(202);
		String followers = "select count(*) from federation_followers f join remote_actors a on a.id = f.remote_actor_id"
				+ " where a.uri = :value";
		assertThat(count(followers, this.remote.actorId())).isOne();

		suspend(Admins.signIn(this.mvc, this.jdbc), this.remote.actorId());
		assertThat(count(followers, this.remote.actorId())).isZero();
		ObjectNode again = activity("Follow");
		again.put("object", base() + "/people/" + login);
		assertThat(send(again).statusCode()).isEqualTo(403);
		assertThat(count(followers, this.remote.actorId())).isZero();

		Posting.as(this.mvc, author, "Nobody elsewhere hears of this");
		assertThat(count("select count(*) from federation_deliveries where host = :value", this.remote.host()))
			.as("no delivery to the suspended account").isZero();
	}

	@Test
	void aNameThatIsNoAccountOfAnotherServerIsAnswered400WithWhatToFix() throws Exception {
		MockHttpSession admin = Admins.signIn(this.mvc, this.jdbc);
		String before = String.valueOf(this.jdbc.sql("select count(*) from federation_account_suspensions")
			.query(Integer.class).single());
		expectRefused(admin, "   ", "Write the handle");
		expectRefused(admin, "someone", "Write a handle as @user@mastodon.example");
		expectRefused(admin, "@some one@mastodon.example", "Write a handle as @user@mastodon.example");
		expectRefused(admin, "ftp://mastodon.example/users/x", "Write a handle as @user@mastodon.example");
		expectRefused(admin, "@x@" + "a".repeat(600) + ".example", "500 characters at most");
		expectRefused(admin, "@" + Admins.LOGIN + "@localhost", "This is an account of this site");
		expectRefused(admin, "http://localhost/people/" + Admins.LOGIN, "This is an account of this site");
		assertThat(String.valueOf(this.jdbc.sql("select count(*) from federation_account_suspensions")
			.query(Integer.class).single())).as("nothing stored").isEqualTo(before);
	}

	private void expectRefused(MockHttpSession admin, String typed, String advice) throws Exception {
		String page = this.mvc.perform(post("/admin/federation/suspensions").session(admin).with(csrf())
				.param("account", typed))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith("text/html"))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).as(typed).contains(advice).contains("id=\"account-problem\"");
	}

	@Test
	void blockingAndUnblockingAServerAreLogged() throws Exception {
		MockHttpSession admin = Admins.signIn(this.mvc, this.jdbc);
		String host = "logged" + System.nanoTime() + ".example";
		this.mvc.perform(post("/admin/federation/blocks").session(admin).with(csrf()).param("host", host))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(post("/admin/federation/unblocks").session(admin).with(csrf()).param("host", host))
			.andExpect(status().is3xxRedirection());
		assertThat(count("select count(*) from moderation_log where note = :value and action in ('block-server',"
				+ " 'unblock-server')", host)).isEqualTo(2);
	}

}
