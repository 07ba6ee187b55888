package org.veille.federation;

import java.net.URI;
import java.util.List;

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
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code Flag} and {@code Block} from another server (a real local one, signing its POSTs): a Flag becomes reports
 * in the moderation queue naming the server, a Block removes the blocker from the blocked actor's followers, and
 * objects that are not Veille's are passed over with 202.
 */
@IntegrationTest
class RemoteFlagsAndBlocksIntegrationTests {

	@LocalServerPort
	private int port;

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcClient jdbc;

	private RemoteServer remote;

	@BeforeEach
	void startRemote() throws Exception {
		this.remote = new RemoteServer("moderator");
	}

	@AfterEach
	void stopRemote() {
		this.remote.close();
	}

	private String base() {
		return "http://localhost:" + this.port;
	}

	private int send(String type, List<String> objects, String content) throws Exception {
		ObjectNode activity = JsonNodeFactory.instance.objectNode();
		activity.put("id", this.remote.actorId() + "/activities/" + System.nanoTime());
		activity.put("type", type);
		activity.put("actor", this.remote.actorId());
		if (objects.size() == 1) {
			activity.put("object", objects.get(0));
		}
		else {
			ArrayNode array = activity.putArray("object");
			objects.forEach(array::add);
		}
		activity.put("content", content);
		return this.remote.post(URI.create(base() + "/federation/inbox"), ActivityStreams.bytes(activity)).statusCode();
	}

	private List<String> reportsFromRemote(String login) {
		return this.jdbc.sql("""
				select coalesce(r.message_id::text, 'person') || ' ' || r.note from reports r
				join accounts a on a.id = r.account_id
				where r.remote_reporter = :host and a.login = :login and r.status = 'open' order by r.id
				""").param("host", this.remote.host()).param("login", login).query(String.class).list();
	}

	@Test
	void aFlagBecomesReportsNamingTheServerThatSentIt() throws Exception {
		String author = TestPeople.uniqueName("flagged");
		MockHttpSession session = TestPeople.signUp(this.mvc, author);
		long message = Posting.as(this.mvc, session, "Reported elsewhere");
		String bystander = TestPeople.uniqueName("alsoflagged");
		TestPeople.signUp(this.mvc, bystander);

		List<String> objects = List.of(base() + "/people/" + author, base() + "/messages/" + message,
				base() + "/people/" + bystander);
		assertThat(send("Flag", objects, "<p>Spam &amp; scam</p>")).isEqualTo(202);
		assertThat(reportsFromRemote(author)).as("the message, not its author again").containsExactly(message + " Spam & scam");
		assertThat(reportsFromRemote(bystander)).containsExactly("person Spam & scam");
		assertThat(send("Flag", objects, "again")).as("sent twice").isEqualTo(202);
		assertThat(reportsFromRemote(author)).hasSize(1);

		MockHttpSession admin = Admins.signIn(this.mvc, this.jdbc);
		assertThat(Posting.page(this.mvc, admin, "/admin/reports")).contains("Sent by the server " + this.remote.host())
			.contains("Spam &amp; scam");
		long report = this.jdbc.sql("select id from reports where remote_reporter = :host and message_id = :message")
			.param("host", this.remote.host()).param("message", message).query(Long.class).single();
		this.mvc.perform(post("/admin/reports/" + report).session(admin).with(csrf()).param("action", "hide"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("notice", "admin.reports.done.hidden"));
	}

	@Test
	void aFlagOfNothingHereIsTakenAndIgnored() throws Exception {
		int before = this.jdbc.sql("select count(*) from reports").query(Integer.class).single();
		assertThat(send("Flag", List.of(this.remote.actorId(), base() + "/messages/999999999999",
				base() + "/people/nobody" + System.nanoTime(), "not a url"), "who?")).isEqualTo(202);
		assertThat(send("Flag", List.of(base() + "/tag/x"), "")).isEqualTo(202);
		assertThat(this.jdbc.sql("select count(*) from reports").query(Integer.class).single()).isEqualTo(before);
	}

	@Test
	void aFlagNamingMoreThanTwoHundredObjectsIsRefusedSayingSo() throws Exception {
		String author = TestPeople.uniqueName("overflagged");
		MockHttpSession session = TestPeople.signUp(this.mvc, author);
		long message = Posting.as(this.mvc, session, "Reported in bulk");
		List<String> objects = new java.util.ArrayList<>();
		objects.add(base() + "/messages/" + message);
		for (int i = 0; objects.size() <= RemoteFlags.MAX_OBJECTS; i++) {
			objects.add(this.remote.actorId() + "/statuses/" + i);
		}
		ObjectNode activity = JsonNodeFactory.instance.objectNode();
		activity.put("id", this.remote.actorId() + "/activities/" + System.nanoTime());
		activity.put("type", "Flag");
		activity.put("actor", this.remote.actorId());
		objects.forEach(activity.putArray("object")::add);
		java.net.http.HttpResponse<String> answer = this.remote.post(URI.create(base() + "/federation/inbox"),
				ActivityStreams.bytes(activity));
		assertThat(answer.statusCode()).isEqualTo(400);
		assertThat(answer.body()).contains("201 objects").contains("at most 200");
		assertThat(reportsFromRemote(author)).as("nothing half done").isEmpty();

		assertThat(send("Flag", objects.subList(0, RemoteFlags.MAX_OBJECTS), "the first 200")).isEqualTo(202);
		assertThat(reportsFromRemote(author)).containsExactly(message + " the first 200");
	}

	@Test
	void aBlockRemovesTheBlockerFromTheBlockedActorsFollowers() throws Exception {
		String login = TestPeople.uniqueName("blocked");
		TestPeople.signUp(this.mvc, login);
		String actor = base() + "/people/" + login;
		assertThat(send("Follow", List.of(actor), "")).isEqualTo(202);
		String followers = "select count(*) from federation_followers f join accounts a on a.id = f.account_id"
				+ " where a.login = :login";
		assertThat(this.jdbc.sql(followers).param("login", login).query(Integer.class).single()).isOne();

		assertThat(send("Block", List.of(actor), "")).isEqualTo(202);
		assertThat(this.jdbc.sql(followers).param("login", login).query(Integer.class).single()).isZero();
		assertThat(send("Block", List.of(base() + "/people/nobody" + System.nanoTime()), "")).isEqualTo(202);
		assertThat(send("Block", List.of("https://elsewhere.example/users/x"), "")).isEqualTo(202);
	}

}
