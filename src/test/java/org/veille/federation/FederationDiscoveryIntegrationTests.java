package org.veille.federation;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import org.veille.support.IntegrationTest;
import org.veille.support.Posting;
import org.veille.support.TestPeople;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Discovery and the read side of ActivityPub over the real HTTP server: WebFinger, host-meta, NodeInfo, actors
 * and notes by content negotiation on the pages' own URLs, and the paged outbox.
 */
@IntegrationTest
class FederationDiscoveryIntegrationTests {

	static final String ACTIVITY = "application/activity+json";

	static final String LD_JSON = "application/ld+json; profile=\"https://www.w3.org/ns/activitystreams\"";

	static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Autowired
	private MockMvc mvc;

	@Test
	void webFingerFindsAPersonAndATagAndSaysWhatIsWrongOtherwise() throws Exception {
		String login = TestPeople.uniqueName("wf");
		TestPeople.signUp(this.mvc, login);
		String tag = "wftag" + System.nanoTime();
		Posting.as(this.mvc, TestPeople.signIn(this.mvc, login), "Tagged #" + tag);

		JsonNode person = json(get("/.well-known/webfinger?resource=acct:" + login + "@localhost:" + this.port, "*/*"));
		assertThat(person.get("subject").asString()).isEqualTo("acct:" + login + "@localhost:" + this.port);
		assertThat(selfLink(person)).isEqualTo(base() + "/people/" + login);

		JsonNode group = json(get("/.well-known/webfinger?resource=acct:tag_" + tag + "@localhost:" + this.port, "*/*"));
		assertThat(selfLink(group)).isEqualTo(base() + "/tag/" + tag);

		assertThat(get("/.well-known/webfinger?resource=acct:nobody" + System.nanoTime() + "@localhost:" + this.port, "*/*")
			.statusCode()).isEqualTo(404);
		assertThat(get("/.well-known/webfinger?resource=acct:" + login + "@elsewhere.example", "*/*").statusCode())
			.isEqualTo(404);
		HttpResponse<String> missing = get("/.well-known/webfinger", "*/*");
		assertThat(missing.statusCode()).isEqualTo(400);
		assertThat(missing.body()).contains("resource=acct:");
	}

	@Test
	void hostMetaAndNodeInfoPointTheWay() throws Exception {
		assertThat(get("/.well-known/host-meta", "*/*").body())
			.contains("template=\"" + base() + "/.well-known/webfinger?resource={uri}\"");
		JsonNode links = json(get("/.well-known/nodeinfo", "*/*"));
		assertThat(links.get("links").get(0).get("href").asString()).isEqualTo(base() + "/nodeinfo/2.1");
		JsonNode nodeInfo = json(get("/nodeinfo/2.1", "*/*"));
		assertThat(nodeInfo.get("version").asString()).isEqualTo("2.1");
		assertThat(nodeInfo.get("software").get("name").asString()).isEqualTo("veille");
		assertThat(nodeInfo.get("protocols").get(0).asString()).isEqualTo("activitypub");
		assertThat(nodeInfo.get("usage").get("users").get("total").asLong()).isPositive();
	}

	@Test
	void aPersonsPageIsAPersonToActivityPubAndHtmlToABrowser() throws Exception {
		String login = TestPeople.uniqueName("actor");
		TestPeople.signUp(this.mvc, login);

		HttpResponse<String> answer = get("/people/" + login, ACTIVITY);
		assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith(ACTIVITY));
		assertThat(answer.headers().allValues("Vary")).anySatisfy((vary) -> assertThat(vary).contains("Accept"));
		JsonNode actor = JSON.readTree(answer.body());
		assertThat(actor.get("type").asString()).isEqualTo("Person");
		assertThat(actor.get("id").asString()).isEqualTo(base() + "/people/" + login);
		assertThat(actor.get("preferredUsername").asString()).isEqualTo(login);
		assertThat(actor.get("inbox").asString()).isEqualTo(base() + "/federation/people/" + login + "/inbox");
		assertThat(actor.get("outbox").asString()).isEqualTo(base() + "/federation/people/" + login + "/outbox");
		assertThat(actor.get("followers").asString()).isNotBlank();
		assertThat(actor.get("following").asString()).isNotBlank();
		assertThat(actor.get("endpoints").get("sharedInbox").asString()).isEqualTo(base() + "/federation/inbox");
		assertThat(actor.get("icon").get("url").asString()).startsWith(base());
		assertThat(actor.get("publicKey").get("id").asString()).isEqualTo(base() + "/people/" + login + "#main-key");
		String key = actor.get("publicKey").get("publicKeyPem").asString();
		assertThat(key).startsWith("-----BEGIN PUBLIC KEY-----");
		assertThat(json(get("/people/" + login, LD_JSON)).get("publicKey").get("publicKeyPem").asString())
			.as("the key pair is made once and kept").isEqualTo(key);

		HttpResponse<String> page = get("/people/" + login, BROWSER);
		assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("text/html"));
		assertThat(page.body()).contains("<html");
		assertThat(get("/people/nobody" + System.nanoTime(), ACTIVITY).statusCode()).isEqualTo(404);
	}

	@Test
	void aTagIsAGroupActorWithItsThreadsAnnouncedInItsOutbox() throws Exception {
		String login = TestPeople.uniqueName("tagger");
		MockHttpSession session = TestPeople.signUp(this.mvc, login);
		String tag = "Ecolo" + System.nanoTime();
		long thread = Posting.as(this.mvc, session, "A thread about #" + tag);

		JsonNode group = json(get("/tag/" + tag.toLowerCase(), ACTIVITY));
		assertThat(group.get("type").asString()).isEqualTo("Group");
		assertThat(group.get("preferredUsername").asString()).isEqualTo("tag_" + tag.toLowerCase());
		assertThat(group.get("publicKey").get("publicKeyPem").asString()).startsWith("-----BEGIN PUBLIC KEY-----");
		JsonNode outbox = json(get(URI.create(group.get("outbox").asString()).getPath(), ACTIVITY));
		assertThat(outbox.get("totalItems").asInt()).isEqualTo(1);
		JsonNode page = json(get(URI.create(outbox.get("first").asString()).getRawPath() + "?page=true", ACTIVITY));
		JsonNode announce = page.get("orderedItems").get(0);
		assertThat(announce.get("type").asString()).isEqualTo("Announce");
		assertThat(announce.get("object").asString()).isEqualTo(base() + "/messages/" + thread);
	}

	@Test
	void aTagOutsideAsciiIsAnActorAtItsEncodedPath() throws Exception {
		MockHttpSession session = TestPeople.signUp(this.mvc, TestPeople.uniqueName("cyr"));
		String tag = "тег" + System.nanoTime();
		Posting.as(this.mvc, session, "Tagged #" + tag);
		String path = "/tag/" + java.net.URLEncoder.encode(tag, java.nio.charset.StandardCharsets.UTF_8);
		JsonNode group = json(get(path, ACTIVITY));
		assertThat(group.get("type").asString()).isEqualTo("Group");
		assertThat(group.get("id").asString()).isEqualTo(base() + path);
		assertThat(group.get("preferredUsername").asString()).isEqualTo("tag_" + tag);
		assertThat(get(path, BROWSER).body()).contains("<html");
	}

	@Test
	void aMessageIsANoteWithItsTagsMentionsLinkAndReplyTarget() throws Exception {
		String author = TestPeople.uniqueName("noter");
		String friend = TestPeople.uniqueName("friend");
		TestPeople.signUp(this.mvc, friend);
		MockHttpSession session = TestPeople.signUp(this.mvc, author);
		String tag = "notetag" + System.nanoTime();
		long thread = Posting.as(this.mvc, session,
				"A title\n\nRead https://example.org/page about #" + tag + " with @" + friend + " <script>x</script>");
		long reply = Posting.reply(this.mvc, session, thread, "A reply");

		JsonNode note = json(get("/messages/" + thread, LD_JSON));
		assertThat(note.get("type").asString()).isEqualTo("Note");
		assertThat(note.get("id").asString()).isEqualTo(base() + "/messages/" + thread);
		assertThat(note.get("attributedTo").asString()).isEqualTo(base() + "/people/" + author);
		assertThat(note.get("to").get(0).asString()).isEqualTo("https://www.w3.org/ns/activitystreams#Public");
		assertThat(note.get("cc").get(0).asString()).isEqualTo(base() + "/federation/people/" + author + "/followers");
		assertThat(note.get("published").asString()).isNotBlank();
		String content = note.get("content").asString();
		assertThat(content).contains("href=\"" + base() + "/tag/" + tag + "\"")
			.contains("href=\"https://example.org/page\"")
			.doesNotContain("<script");
		List<String> tags = new ArrayList<>();
		note.get("tag").forEach((entry) -> tags.add(entry.get("type").asString() + " " + entry.get("name").asString()
				+ " " + entry.get("href").asString()));
		assertThat(tags).contains("Hashtag #" + tag + " " + base() + "/tag/" + tag,
				"Mention @" + friend + "@localhost:" + this.port + " " + base() + "/people/" + friend);
		assertThat(note.get("attachment").get(0).get("href").asString()).isEqualTo("https://example.org/page");

		JsonNode replyNote = json(get("/messages/" + reply, ACTIVITY));
		assertThat(replyNote.get("inReplyTo").asString()).isEqualTo(base() + "/messages/" + thread);
		assertThat(replyNote.get("url").asString()).isEqualTo(base() + "/messages/" + thread + "#m" + reply);

		JsonNode outbox = json(get("/federation/people/" + author + "/outbox", ACTIVITY));
		assertThat(outbox.get("type").asString()).isEqualTo("OrderedCollection");
		assertThat(outbox.get("totalItems").asInt()).isEqualTo(2);
		JsonNode first = json(get("/federation/people/" + author + "/outbox?page=true", ACTIVITY));
		assertThat(first.get("type").asString()).isEqualTo("OrderedCollectionPage");
		assertThat(first.get("orderedItems").get(0).get("type").asString()).isEqualTo("Create");
		assertThat(first.get("orderedItems").get(0).get("object").get("id").asString())
			.isEqualTo(base() + "/messages/" + reply);
		assertThat(get("/federation/people/" + author + "/outbox?before=garbage", ACTIVITY).statusCode())
			.isEqualTo(400);
	}

	@Test
	void theOutboxIsPagedByKeyset() throws Exception {
		String author = TestPeople.uniqueName("pager");
		MockHttpSession session = TestPeople.signUp(this.mvc, author);
		for (int i = 0; i < StoredNotes.PAGE_SIZE + 3; i++) {
			Posting.as(this.mvc, session, "Message " + i);
		}
		JsonNode first = json(get("/federation/people/" + author + "/outbox?page=true", ACTIVITY));
		assertThat(first.get("orderedItems").size()).isEqualTo(StoredNotes.PAGE_SIZE);
		JsonNode second = json(get(URI.create(first.get("next").asString()).getPath() + "?"
				+ URI.create(first.get("next").asString()).getRawQuery(), ACTIVITY));
		assertThat(second.get("orderedItems").size()).isEqualTo(3);
		assertThat(second.has("next")).isFalse();
	}

	private String base() {
		return "http://localhost:" + this.port;
	}

	private static String selfLink(JsonNode webfinger) {
		for (JsonNode link : webfinger.get("links")) {
			if ("self".equals(link.get("rel").asString())) {
				assertThat(link.get("type").asString()).isEqualTo(ACTIVITY);
				return link.get("href").asString();
			}
		}
		throw new AssertionError("no self link in " + webfinger);
	}

	private HttpResponse<String> get(String path, String accept) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create(base() + path)).header("Accept", accept).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private static JsonNode json(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JSON.readTree(response.body());
	}

}
