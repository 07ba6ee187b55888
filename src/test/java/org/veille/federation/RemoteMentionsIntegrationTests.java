package org.veille.federation;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import org.veille.outbound.OutboundClient;
import org.veille.outbound.OutboundProperties;
import org.veille.outbound.PortRange;
import org.veille.support.IntegrationTest;
import org.veille.support.TestPeople;
import org.veille.support.WebSession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Mentions of people elsewhere ({@code @user@host}) in Veille messages, against another server on loopback that
 * answers WebFinger, serves its actor and keeps what its inbox receives: found, the person is a {@code Mention} of
 * the note, in its {@code cc}, linked in its HTML, and sent its {@code Create}, {@code Update} and {@code Delete}
 * without following anyone here;
 * anything not found stays plain text and the post goes through.
 */
@IntegrationTest
class RemoteMentionsIntegrationTests {

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private RemoteActors actors;

	@Autowired
	private FederationProperties properties;

	@Autowired
	private DeliveryPlanner planner;

	@Autowired
	private RemoteMentions mentions;

	@Autowired
	private TransactionTemplate transactions;

	private final HttpClient http = HttpClient.newHttpClient();

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
		return "http://127.0.0.1:" + this.port;
	}

	private static long messageIdOf(HttpResponse<String> posted) {
		String location = posted.headers().firstValue("Location").orElseThrow();
		return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
	}

	private JsonNode noteOf(long id) throws Exception {
		HttpResponse<String> answer = this.http.send(HttpRequest.newBuilder(URI.create(base() + "/messages/" + id))
			.header("Accept", "application/activity+json").build(), HttpResponse.BodyHandlers.ofString());
		assertThat(answer.statusCode()).isEqualTo(200);
		return ActivityStreams.JSON.readTree(answer.body());
	}

	private boolean resolved(String handle) {
		return this.jdbc.sql("select exists (select from remote_mentions where handle = :handle)")
			.param("handle", handle).query(Boolean.class).single();
	}

	@Test
	void someoneElsewhereMentionedIsFoundTaggedLinkedAndSentTheCreate() throws Exception {
		String login = TestPeople.uniqueName("mentioner");
		WebSession author = new WebSession(this.port);
		author.signUp(login);
		String handle = "carol@" + this.remote.host();

		HttpResponse<String> posted = author.postMessage("Hello @" + handle + ", have a look");
		assertThat(posted.statusCode()).isEqualTo(302);
		long id = messageIdOf(posted);

		await().atMost(Duration.ofSeconds(20)).until(() -> this.remote.activitiesAt("/inbox").size() == 1);
		assertThat(this.remote.fetched).contains("/.well-known/webfinger", "/users/carol");
		RemoteServer.Received request = this.remote.received.stream().filter((r) -> r.path().equals("/inbox"))
			.findFirst().orElseThrow();
		JsonNode create = ActivityStreams.JSON.readTree(request.body());
		assertThat(create.get("type").asString()).isEqualTo("Create");
		JsonNode note = create.get("object");
		assertThat(note.get("id").asString()).isEqualTo(base() + "/messages/" + id);
		assertThat(note.get("cc").valueStream().map(JsonNode::asString)).contains(this.remote.actorId());
		assertThat(create.get("cc").valueStream().map(JsonNode::asString)).contains(this.remote.actorId());
		assertThat(note.get("tag").valueStream()
			.filter((tag) -> tag.get("type").asString().equals("Mention"))
			.map((tag) -> tag.get("href").asString() + " " + tag.get("name").asString()))
			.containsExactly(this.remote.actorId() + " @" + handle);
		assertThat(note.get("content").asString())
			.contains("<a class=\"mention\" href=\"" + this.remote.base() + "/@carol\"")
			.contains(">@" + handle + "</a>");

		JsonNode served = noteOf(id);
		assertThat(served.get("tag").toString()).contains(this.remote.actorId());
		assertThat(author.get("/messages/" + id).body()).as("the poster's page is fine").contains("Hello @" + handle);

		String token = WebSession.csrfOf(author.get("/messages/" + id + "/edit").body());
		assertThat(author.post("/messages/" + id + "/edit", Map.of("_csrf", token, "text", "Edited for @" + handle))
			.statusCode()).isEqualTo(302);
		await().atMost(Duration.ofSeconds(20)).until(() -> this.remote.activitiesAt("/inbox").size() == 2);
		assertThat(this.remote.activitiesAt("/inbox").get(1).get("type").asString()).isEqualTo("Update");
		assertThat(author.post("/messages/" + id + "/delete", Map.of("_csrf", token)).statusCode()).isEqualTo(302);
		await().atMost(Duration.ofSeconds(20)).until(() -> this.remote.activitiesAt("/inbox").size() == 3);
		JsonNode delete = this.remote.activitiesAt("/inbox").get(2);
		assertThat(delete.get("type").asString()).isEqualTo("Delete");
		assertThat(delete.get("object").get("id").asString()).isEqualTo(base() + "/messages/" + id);
	}

	@Test
	void anEventPlannedBeforeItsMentionsWereAskedAboutIsGivenBackAndTheyAreAskedNext() throws Exception {
		WebSession author = new WebSession(this.port);
		author.signUp(TestPeople.uniqueName("latemention"));
		long id = messageIdOf(author.postMessage("Soon a mention"));
		String handle = "carol@" + this.remote.host();
		this.jdbc.sql("update messages set body = :body where id = :id").param("body", "Hello @" + handle)
			.param("id", id).update();

		// Uncommitted, so that no worker sees it: as if it came after this worker asked about the next events.
		this.transactions.executeWithoutResult((status) -> {
			this.jdbc.sql("""
					insert into federation_events (kind, message_id, author_id, base, created_at)
					select 'create', id, author_id, :base, now() from messages where id = :id
					""").param("base", base()).param("id", id).update();
			assertThat(this.planner.planOne()).isTrue();
			assertThat(status.isRollbackOnly()).as("the event given back").isTrue();
			status.setRollbackOnly();
		});
		assertThat(resolved(handle)).isFalse();
		assertThat(this.mentions.resolveUpcoming()).as("the handle put aside is asked about").isTrue();
		assertThat(resolved(handle)).isTrue();
		assertThat(this.mentions.found(List.of(handle))).containsKey(handle);
	}

	@Test
	void aHandleOnThisVerySiteIsNotAskedAbout() throws Exception {
		String login = TestPeople.uniqueName("mentionedhere");
		WebSession author = new WebSession(this.port);
		author.signUp(login);
		String handle = login + "@127.0.0.1:" + this.port;

		long id = messageIdOf(author.postMessage("Hi @" + handle));
		await().atMost(Duration.ofSeconds(20)).until(() -> resolved(handle));
		assertThat(this.jdbc.sql("select count(*) from remote_actors where uri = :uri")
			.param("uri", base() + "/people/" + login).query(Integer.class).single())
			.as("no local person taken for someone elsewhere").isZero();
		assertThat(noteOf(id).get("tag").toString()).doesNotContain("Mention");
	}

	@Test
	void anUnknownOrUnreachableHandleStaysPlainTextAndNothingIsSent() throws Exception {
		WebSession author = new WebSession(this.port);
		author.signUp(TestPeople.uniqueName("unknownmention"));
		String unknown = "nobody@" + this.remote.host();
		String unreachable = "carol@127.0.0.1:1";

		HttpResponse<String> posted = author.postMessage("Hi @" + unknown + " and @" + unreachable);
		assertThat(posted.statusCode()).isEqualTo(302);
		long id = messageIdOf(posted);
		await().atMost(Duration.ofSeconds(20)).until(() -> resolved(unknown) && resolved(unreachable));

		JsonNode note = noteOf(id);
		assertThat(note.get("tag").toString()).doesNotContain("Mention");
		assertThat(note.get("content").asString()).contains("@" + unknown).doesNotContain("class=\"mention\"");
		assertThat(this.remote.received).isEmpty();
		assertThat(this.jdbc.sql("select count(*) from federation_deliveries where host = :host")
			.param("host", this.remote.host()).query(Integer.class).single()).isZero();
	}

	@Test
	void aHandleOnAPrivateAddressIsRefusedByTheGuardedClientUnderTheDefaultPolicy() {
		String handle = "carol@" + this.remote.host();
		OutboundProperties policy = new OutboundProperties(false, List.of(PortRange.valueOf("1-65535")),
				Duration.ofSeconds(2), 4, 100, OutboundProperties.DEFAULT_USER_AGENT);
		try (OutboundClient strict = new OutboundClient(policy)) {
			RemoteMentions mentions = new RemoteMentions(this.jdbc, strict, this.actors, Clock.systemUTC(),
					this.properties);
			assertThat(mentions.resolveAll(List.of(handle), base())).isTrue();
			assertThat(mentions.found(List.of(handle))).isEmpty();
		}
		assertThat(this.remote.fetched).as("nothing was asked of the private address").isEmpty();
		assertThat(resolved(handle)).as("kept as not found").isTrue();
	}

	@Test
	void hostileHandlesAreNeverAskedAboutOrFailQuietly() throws Exception {
		String longUser = "u".repeat(RemoteMentions.MAX_USER + 1) + "@" + this.remote.host();
		String longHost = "carol@" + "a".repeat(64) + "." + "b".repeat(64) + "." + "c".repeat(64) + "."
				+ "d".repeat(64) + ".example";
		assertThat(RemoteMentions.normalize(longUser)).isNull();
		assertThat(RemoteMentions.normalize(longHost)).isNull();
		assertThat(RemoteMentions.normalize("eve@Bücher.Invalid:8080")).isEqualTo("eve@xn--bcher-kva.invalid:8080");
		assertThat(RemoteMentions.normalize("eve@exa_mple.org")).as("no name").isNull();

		WebSession author = new WebSession(this.port);
		author.signUp(TestPeople.uniqueName("hostilemention"));
		HttpResponse<String> posted = author.postMessage("Hi @" + longUser + " @" + longHost + " @eve@bücher.invalid");
		assertThat(posted.statusCode()).isEqualTo(302);
		long id = messageIdOf(posted);
		await().atMost(Duration.ofSeconds(20)).until(() -> resolved("eve@xn--bcher-kva.invalid"));
		JsonNode note = noteOf(id);
		assertThat(note.get("tag").toString()).doesNotContain("Mention");
		assertThat(note.get("content").asString()).contains("@eve@bücher.invalid").doesNotContain("class=\"mention\"");
		assertThat(this.remote.fetched).isEmpty();
	}

}
