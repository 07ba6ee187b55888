package org.veille.federation;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ArrayNode;
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
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The hashtags of a reply from another server (a real local one, signing its POSTs) join the thread's tags only
 * while the site allows it: then the thread is on those tags' pages (cached pages dropped), hostile names are left
 * out, and the tags stay through an edit of the thread and go with the reply.
 */
@IntegrationTest
class RemoteHashtagsIntegrationTests {

	@LocalServerPort
	private int port;

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcClient jdbc;

	private RemoteServer remote;

	private MockHttpSession admin;

	@BeforeEach
	void start() throws Exception {
		this.remote = new RemoteServer("dave");
		this.admin = Admins.signIn(this.mvc, this.jdbc);
	}

	@AfterEach
	void stop() throws Exception {
		choose("");
		this.remote.close();
	}

	private void choose(String allowed) throws Exception {
		this.mvc.perform(post("/admin/federation/hashtags").session(this.admin).with(csrf()).param("allowed", allowed))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("notice",
					allowed.isEmpty() ? "federation.admin.hashtags.off" : "federation.admin.hashtags.on"));
	}

	private String base() {
		return "http://localhost:" + this.port;
	}

	private String noteId;

	private int reply(long thread, String... names) throws Exception {
		this.noteId = this.remote.actorId() + "/notes/" + System.nanoTime();
		return send("Create", note(thread, "<p>A reply with tags</p>", names));
	}

	private int send(String type, ObjectNode note) throws Exception {
		ObjectNode activity = JsonNodeFactory.instance.objectNode();
		activity.put("id", this.remote.actorId() + "/activities/" + System.nanoTime());
		activity.put("type", type);
		activity.put("actor", this.remote.actorId());
		activity.set("object", note);
		return this.remote.post(URI.create(base() + "/federation/inbox"), ActivityStreams.bytes(activity)).statusCode();
	}

	private ObjectNode note(long thread, String content, String... names) {
		ObjectNode note = JsonNodeFactory.instance.objectNode();
		note.put("id", this.noteId);
		note.put("type", "Note");
		note.put("attributedTo", this.remote.actorId());
		note.put("inReplyTo", base() + "/messages/" + thread);
		note.put("content", content);
		ArrayNode tags = note.putArray("tag");
		for (String name : names) {
			tags.addObject().put("type", "Hashtag").put("href", this.remote.base() + "/tags/x").put("name", name);
		}
		tags.addObject().put("type", "Hashtag").put("name", 42);
		tags.addObject().put("type", "Mention").put("name", "#notahashtag" + System.nanoTime());
		tags.add("#astring");
		return note;
	}

	private boolean threadTagged(long thread, String key) {
		return this.jdbc.sql("select exists (select from thread_tags tt join tags t on t.id = tt.tag_id"
				+ " where tt.thread_id = :thread and t.key = :key)")
			.param("thread", thread).param("key", key).query(Boolean.class).single();
	}

	@Test
	void whenTheSiteDoesNotAllowItRemoteHashtagsStayOutOfTheThread() throws Exception {
		choose("");
		MockHttpSession author = TestPeople.signUp(this.mvc, TestPeople.uniqueName("untagged"));
		long thread = Posting.as(this.mvc, author, "No remote tags here");
		String key = "remoteoff" + System.nanoTime();
		assertThat(reply(thread, "#" + key)).isEqualTo(202);
		assertThat(Posting.page(this.mvc, null, "/messages/" + thread)).contains("A reply with tags");
		assertThat(threadTagged(thread, key)).isFalse();
		assertThat(this.jdbc.sql("select count(*) from tags where key = :key").param("key", key).query(Integer.class)
			.single()).as("no tag made").isZero();
	}

	@Test
	void whenTheSiteAllowsItRemoteHashtagsJoinTheThreadAndItsTagPages() throws Exception {
		String known = "remoteknown" + System.nanoTime();
		MockHttpSession author = TestPeople.signUp(this.mvc, TestPeople.uniqueName("tagged"));
		long other = Posting.as(this.mvc, author, "Already under #" + known);
		long thread = Posting.as(this.mvc, author, "Remote tags welcome");
		String tagPage = "/tag/" + known;
		assertThat(Posting.page(this.mvc, null, tagPage)).contains("/messages/" + other)
			.doesNotContain("/messages/" + thread + "\"");

		choose("on");
		String fresh = "RemoteNew" + System.nanoTime();
		assertThat(reply(thread, "#" + known.toUpperCase(java.util.Locale.ROOT), fresh, "#<script>alert(1)</script>",
				"#" + "x".repeat(5_000), "#a\u0000b", "#", "#[fr]un[en]one")).isEqualTo(202);

		assertThat(threadTagged(thread, known)).isTrue();
		assertThat(threadTagged(thread, fresh.toLowerCase(java.util.Locale.ROOT))).isTrue();
		assertThat(this.jdbc.sql("select count(*) from thread_tags where thread_id = :thread").param("thread", thread)
			.query(Integer.class).single()).as("only the two readable names").isEqualTo(2);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> Posting.page(this.mvc, null, tagPage).contains("/messages/" + thread));
		assertThat(Posting.page(this.mvc, null, "/tag/" + fresh.toLowerCase(java.util.Locale.ROOT)))
			.contains("/messages/" + thread);

		Posting.edit(this.mvc, author, thread, "Remote tags welcome, edited");
		assertThat(threadTagged(thread, known)).as("kept through an edit").isTrue();

		ObjectNode delete = JsonNodeFactory.instance.objectNode();
		delete.put("id", this.remote.actorId() + "/activities/" + System.nanoTime());
		delete.put("type", "Delete");
		delete.put("actor", this.remote.actorId());
		delete.put("object", this.noteId);
		assertThat(this.remote.post(URI.create(base() + "/federation/inbox"), ActivityStreams.bytes(delete)).statusCode())
			.isEqualTo(202);
		assertThat(threadTagged(thread, known)).as("gone with the reply").isFalse();
		assertThat(threadTagged(thread, fresh.toLowerCase(java.util.Locale.ROOT))).isFalse();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> !Posting.page(this.mvc, null, tagPage).contains("/messages/" + thread + "\""));
	}

	@Test
	void anUpdatedReplyChangesTheTagsItBrought() throws Exception {
		String kept = "remotekept" + System.nanoTime();
		String dropped = "remotedropped" + System.nanoTime();
		String added = "remoteadded" + System.nanoTime();
		String carried = "remotecarried" + System.nanoTime();
		MockHttpSession author = TestPeople.signUp(this.mvc, TestPeople.uniqueName("retagged"));
		long thread = Posting.as(this.mvc, author, "Remote tags change #" + carried);
		choose("on");
		assertThat(reply(thread, "#" + kept, "#" + dropped, "#" + carried)).isEqualTo(202);
		assertThat(threadTagged(thread, dropped)).isTrue();
		String droppedPage = "/tag/" + dropped;
		assertThat(Posting.page(this.mvc, null, droppedPage)).contains("/messages/" + thread);

		assertThat(send("Update", note(thread, "<p>Tags changed</p>", "#" + kept, "#" + added))).isEqualTo(202);
		assertThat(Posting.page(this.mvc, null, "/messages/" + thread)).contains("Tags changed");
		assertThat(threadTagged(thread, kept)).isTrue();
		assertThat(threadTagged(thread, added)).as("a tag new to the reply joins").isTrue();
		assertThat(threadTagged(thread, dropped)).as("a tag the reply no longer carries leaves").isFalse();
		assertThat(threadTagged(thread, carried)).as("the thread's own tag stays").isTrue();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> !Posting.page(this.mvc, null, droppedPage).contains("/messages/" + thread + "\""));

		choose("");
		assertThat(send("Update", note(thread, "<p>Tags changed again</p>", "#" + kept, "#" + dropped))).isEqualTo(202);
		assertThat(threadTagged(thread, kept)).as("still carried").isTrue();
		assertThat(threadTagged(thread, added)).as("no longer carried").isFalse();
		assertThat(threadTagged(thread, dropped)).as("not allowed to join now").isFalse();
	}

	@Test
	void aSuspensionTakesAwayTheTagsTheAccountsRepliesBroughtAndItsLiftingBringsThemBack() throws Exception {
		String key = "remotesuspended" + System.nanoTime();
		MockHttpSession author = TestPeople.signUp(this.mvc, TestPeople.uniqueName("suspendtags"));
		long thread = Posting.as(this.mvc, author, "Remote tags and a suspension");
		choose("on");
		assertThat(reply(thread, "#" + key)).isEqualTo(202);
		assertThat(threadTagged(thread, key)).isTrue();
		String tagPage = "/tag/" + key;
		assertThat(Posting.page(this.mvc, null, tagPage)).contains("/messages/" + thread);

		suspension("suspensions");
		assertThat(threadTagged(thread, key)).as("gone while suspended").isFalse();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> !Posting.page(this.mvc, null, tagPage).contains("/messages/" + thread + "\""));
		Posting.edit(this.mvc, author, thread, "Remote tags and a suspension, edited");
		assertThat(threadTagged(thread, key)).as("still gone after an edit").isFalse();

		suspension("unsuspensions");
		assertThat(threadTagged(thread, key)).as("back with the lifting").isTrue();

		suspension("suspensions");
		choose("");
		suspension("unsuspensions");
		assertThat(threadTagged(thread, key)).as("not back once the site no longer allows it").isFalse();
		Posting.edit(this.mvc, author, thread, "Remote tags and a suspension, edited again");
		assertThat(threadTagged(thread, key)).isFalse();
	}

	private void suspension(String action) throws Exception {
		String handle = "dave@" + this.remote.host();
		this.mvc.perform(post("/admin/federation/" + action).session(this.admin).with(csrf()).param("account", handle))
			.andExpect(status().is3xxRedirection());
	}

	@Test
	void theSettingTakesOnlyATickedBox() throws Exception {
		this.mvc.perform(post("/admin/federation/hashtags").session(this.admin).with(csrf()).param("allowed", "maybe"))
			.andExpect(status().isBadRequest());
		assertThat(this.jdbc.sql("select remote_hashtags from federation_settings").query(Boolean.class).single())
			.isFalse();
	}

}
