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
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Replies, likes and boosts from another server (a real local one, signing its POSTs): shown in the thread,
 * cleaned, changed and removed by their author, refused once their server is blocked.
 */
@IntegrationTest
class RemoteRepliesIntegrationTests {

	@LocalServerPort
	private int port;

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcClient jdbc;

	private RemoteServer remote;

	@BeforeEach
	void startRemote() throws Exception {
		this.remote = new RemoteServer("carol");
	}

	@AfterEach
	void stopRemote() {
		this.remote.close();
	}

	private String base() {
		return "http://localhost:" + this.port;
	}

	private HttpResponse<String> send(String type, Object object) throws Exception {
		ObjectNode activity = JsonNodeFactory.instance.objectNode();
		activity.put("id", this.remote.actorId() + "/activities/" + System.nanoTime());
		activity.put("type", type);
		activity.put("actor", this.remote.actorId());
		if (object instanceof ObjectNode node) {
			activity.set("object", node);
		}
		else {
			activity.put("object", (String) object);
		}
		return this.remote.post(URI.create(base() + "/federation/inbox"), ActivityStreams.bytes(activity));
	}

	private ObjectNode note(String id, long inReplyTo, String content) {
		ObjectNode note = JsonNodeFactory.instance.objectNode();
		note.put("id", id);
		note.put("type", "Note");
		note.put("attributedTo", this.remote.actorId());
		note.put("inReplyTo", base() + "/messages/" + inReplyTo);
		note.put("content", content);
		note.put("url", this.remote.base() + "/@carol/1");
		note.put("published", "2026-01-02T03:04:05Z");
		return note;
	}

	private String thread(long id) throws Exception {
		return Posting.page(this.mvc, null, "/messages/" + id);
	}

	@Test
	void aReplyFromElsewhereIsShownCleanedThenEditedThenDeletedByItsAuthor() throws Exception {
		MockHttpSession session = TestPeople.signUp(this.mvc, TestPeople.uniqueName("replied"));
		long thread = Posting.as(this.mvc, session, "Worth a reply");
		String noteId = this.remote.actorId() + "/notes/" + System.nanoTime();

		HttpResponse<String> answer = send("Create",
				note(noteId, thread, "<p>Nice <a href=\"https://elsewhere.example/x\">link</a><script>alert(1)</script></p>"));
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
		String page = thread(thread);
		assertThat(page).contains("@carol@" + this.remote.host())
			.contains("Nice <a href=\"https://elsewhere.example/x\" rel=\"nofollow ugc\">link</a>")
			.doesNotContain("alert(1)")
			.contains(this.remote.base() + "/@carol/1");

		assertThat(send("Update", note(noteId, thread, "<p>Changed my mind</p>")).statusCode()).isEqualTo(202);
		assertThat(thread(thread)).contains("Changed my mind").doesNotContain("Nice");

		assertThat(send("Delete", noteId).statusCode()).isEqualTo(202);
		assertThat(thread(thread)).doesNotContain("Changed my mind").doesNotContain("@carol@");
	}

	@Test
	void aReplyMentioningSomeoneHereIsShownWithTheMentionButTellsThemNothing() throws Exception {
		MockHttpSession session = TestPeople.signUp(this.mvc, TestPeople.uniqueName("replied"));
		long thread = Posting.as(this.mvc, session, "Worth a mention");
		String mentioned = TestPeople.uniqueName("mentioned");
		TestPeople.signUp(this.mvc, mentioned);
		String actor = base() + "/people/" + mentioned;
		ObjectNode note = note(this.remote.actorId() + "/notes/" + System.nanoTime(), thread,
				"<p><span class=\"h-card\"><a href=\"" + actor + "\" class=\"u-url mention\">@<span>" + mentioned
						+ "</span></a></span> look at this</p>");
		note.putArray("tag").addObject().put("type", "Mention").put("href", actor).put("name", "@" + mentioned);

		assertThat(send("Create", note).statusCode()).isEqualTo(202);
		assertThat(thread(thread)).contains("<a href=\"" + actor + "\" rel=\"nofollow ugc\">@<span>" + mentioned + "</span></a>")
			.contains("look at this");
		assertThat(this.jdbc.sql("select count(*) from alerts al join accounts a on a.id = al.account_id"
				+ " where a.login = :login").param("login", mentioned).query(Integer.class).single())
			.as("a reply from elsewhere is no message here: nobody is alerted of it").isZero();
	}

	@Test
	void aReplyToAReplyJoinsItsThread() throws Exception {
		MockHttpSession session = TestPeople.signUp(this.mvc, TestPeople.uniqueName("deep"));
		long thread = Posting.as(this.mvc, session, "A thread");
		long reply = Posting.reply(this.mvc, session, thread, "A local reply");
		send("Create", note(this.remote.actorId() + "/notes/" + System.nanoTime(), reply, "<p>Answering the reply</p>"));
		assertThat(thread(thread)).contains("Answering the reply");
	}

	@Test
	void aReplyToADeletedMessageIsRefused() throws Exception {
		MockHttpSession session = TestPeople.signUp(this.mvc, TestPeople.uniqueName("gone"));
		long thread = Posting.as(this.mvc, session, "Soon gone");
		Posting.delete(this.mvc, session, thread);
		HttpResponse<String> answer = send("Create",
				note(this.remote.actorId() + "/notes/" + System.nanoTime(), thread, "<p>Too late</p>"));
		assertThat(answer.statusCode()).isEqualTo(404);
		assertThat(answer.body()).contains("gone");
	}

	@Test
	void aReplyToAReplyInADeletedThreadIsRefused() throws Exception {
		MockHttpSession session = TestPeople.signUp(this.mvc, TestPeople.uniqueName("gonethread"));
		long thread = Posting.as(this.mvc, session, "Soon gone with its replies");
		long reply = Posting.reply(this.mvc, session, thread, "A reply that goes with it");
		Posting.delete(this.mvc, session, thread);
		assertThat(send("Create", note(this.remote.actorId() + "/notes/" + System.nanoTime(), reply, "<p>Late</p>"))
			.statusCode()).isEqualTo(404);
	}

	@Test
	void likesAndBoostsAreCountedAndUndone() throws Exception {
		MockHttpSession session = TestPeople.signUp(this.mvc, TestPeople.uniqueName("liked"));
		long thread = Posting.as(this.mvc, session, "Likeable");
		String note = base() + "/messages/" + thread;
		ObjectNode like = JsonNodeFactory.instance.objectNode();
		String likeId = this.remote.actorId() + "/likes/" + System.nanoTime();
		like.put("id", likeId);
		like.put("type", "Like");
		like.put("actor", this.remote.actorId());
		like.put("object", note);
		assertThat(this.remote.post(URI.create(base() + "/federation/inbox"), ActivityStreams.bytes(like)).statusCode())
			.isEqualTo(202);
		assertThat(send("Announce", note).statusCode()).isEqualTo(202);
		assertThat(thread(thread)).contains("One like and one boost elsewhere");

		ObjectNode undo = JsonNodeFactory.instance.objectNode();
		undo.put("id", likeId + "/undo");
		undo.put("type", "Undo");
		undo.put("actor", this.remote.actorId());
		undo.set("object", like);
		assertThat(this.remote.post(URI.create(base() + "/federation/inbox"), ActivityStreams.bytes(undo)).statusCode())
			.isEqualTo(202);
		assertThat(thread(thread)).contains("No like and one boost elsewhere");
	}

	@Test
	void aBlockedServerIsRefusedAndWhatItLeftIsRemoved() throws Exception {
		MockHttpSession session = TestPeople.signUp(this.mvc, TestPeople.uniqueName("blocker"));
		long thread = Posting.as(this.mvc, session, "Before the block");
		send("Create", note(this.remote.actorId() + "/notes/" + System.nanoTime(), thread, "<p>Spam spam</p>"));
		assertThat(thread(thread)).contains("Spam spam");

		MockHttpSession admin = Admins.signIn(this.mvc, this.jdbc);
		this.mvc.perform(post("/admin/federation/blocks").session(admin).with(csrf()).param("host", this.remote.host()))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("notice", "federation.admin.blocked"));
		assertThat(Posting.page(this.mvc, admin, "/admin/federation")).contains(this.remote.host());
		assertThat(thread(thread)).doesNotContain("Spam spam");

		HttpResponse<String> answer = send("Create",
				note(this.remote.actorId() + "/notes/" + System.nanoTime(), thread, "<p>Again</p>"));
		assertThat(answer.statusCode()).isEqualTo(403);

		this.mvc.perform(post("/admin/federation/blocks").session(admin).with(csrf()).param("host", "not a host!"))
			.andExpect(flash().attribute("problem", "federation.admin.bad-host"));
		this.mvc.perform(post("/admin/federation/unblocks").session(admin).with(csrf()).param("host", this.remote.host()))
			.andExpect(status().is3xxRedirection());
		assertThat(send("Create", note(this.remote.actorId() + "/notes/" + System.nanoTime(), thread, "<p>Back</p>"))
			.statusCode()).isEqualTo(202);
	}

	@Test
	void theDomainBlocksPageIsForAdministratorsOnly() throws Exception {
		MockHttpSession someone = TestPeople.signUp(this.mvc, TestPeople.uniqueName("notadmin"));
		this.mvc.perform(get("/admin/federation").session(someone)).andExpect(status().isForbidden());
	}

}
