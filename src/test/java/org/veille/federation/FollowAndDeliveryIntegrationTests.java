package org.veille.federation;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
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

import org.veille.support.IntegrationTest;
import org.veille.support.TestPeople;
import org.veille.support.WebSession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Follows from another server (a real local one) and what Veille then sends it: Accept, then Create, Update and
 * Delete of the person's messages and the tag's Announce of new threads, each signed with the actor's key, through
 * the delivery queue.
 */
@IntegrationTest
class FollowAndDeliveryIntegrationTests {

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcClient jdbc;

	private final HttpClient http = HttpClient.newHttpClient();

	private RemoteServer remote;

	@BeforeEach
	void startRemote() throws Exception {
		this.remote = new RemoteServer("bob");
	}

	@AfterEach
	void stopRemote() {
		this.remote.close();
	}

	private String base() {
		return "http://127.0.0.1:" + this.port;
	}

	private HttpResponse<String> follow(String object, String followId) throws Exception {
		String body = "{\"@context\":\"https://www.w3.org/ns/activitystreams\",\"id\":\"" + followId
				+ "\",\"type\":\"Follow\",\"actor\":\"" + this.remote.actorId() + "\",\"object\":\"" + object + "\"}";
		return this.remote.post(URI.create(base() + "/federation/inbox"), body.getBytes(StandardCharsets.UTF_8));
	}

	private PublicKey keyOf(String actorUrl) throws Exception {
		HttpResponse<String> answer = this.http.send(HttpRequest.newBuilder(URI.create(actorUrl))
			.header("Accept", "application/activity+json").build(), HttpResponse.BodyHandlers.ofString());
		return ActorKeys.publicKey(ActivityStreams.JSON.readTree(answer.body()).get("publicKey").get("publicKeyPem")
			.asString());
	}

	private static long messageIdOf(HttpResponse<String> posted) {
		String location = posted.headers().firstValue("Location").orElseThrow();
		return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
	}

	@Test
	void aFollowedPersonAcceptsThenDeliversCreateUpdateAndDeleteSigned() throws Exception {
		String login = TestPeople.uniqueName("fed");
		WebSession author = new WebSession(this.port);
		author.signUp(login);
		String actor = base() + "/people/" + login;
		String followId = this.remote.actorId() + "/follows/1";

		assertThat(follow(actor, followId).statusCode()).isEqualTo(202);
		await().atMost(Duration.ofSeconds(20)).until(() -> !this.remote.activitiesAt("/users/bob/inbox").isEmpty());
		RemoteServer.Received acceptRequest = this.remote.received.get(0);
		JsonNode accept = ActivityStreams.JSON.readTree(acceptRequest.body());
		assertThat(accept.get("type").asString()).isEqualTo("Accept");
		assertThat(accept.get("actor").asString()).isEqualTo(actor);
		assertThat(accept.get("object").get("id").asString()).isEqualTo(followId);
		PublicKey key = keyOf(actor);
		assertThat(this.remote.signedBy(acceptRequest, key)).as("Accept signed by the person's key").isTrue();
		assertThat(acceptRequest.header("Signature")).contains("keyId=\"" + actor + "#main-key\"");

		String tag = "fedtag" + System.nanoTime();
		long id = messageIdOf(author.postMessage("Hello from Veille #" + tag));
		await().atMost(Duration.ofSeconds(20)).until(() -> this.remote.activitiesAt("/inbox").size() == 1);
		RemoteServer.Received createRequest = this.remote.received.stream()
			.filter((r) -> r.path().equals("/inbox")).findFirst().orElseThrow();
		assertThat(this.remote.signedBy(createRequest, key)).as("Create signed").isTrue();
		JsonNode create = ActivityStreams.JSON.readTree(createRequest.body());
		assertThat(create.get("type").asString()).isEqualTo("Create");
		assertThat(create.get("actor").asString()).isEqualTo(actor);
		assertThat(create.get("object").get("id").asString()).isEqualTo(base() + "/messages/" + id);
		assertThat(create.get("object").get("content").asString()).contains("Hello from Veille");
		assertThat(create.get("object").get("tag").get(0).get("name").asString()).isEqualTo("#" + tag);

		String token = WebSession.csrfOf(author.get("/messages/" + id + "/edit").body());
		assertThat(author.post("/messages/" + id + "/edit", Map.of("_csrf", token, "text", "Edited #" + tag))
			.statusCode()).isEqualTo(302);
		await().atMost(Duration.ofSeconds(20)).until(() -> this.remote.activitiesAt("/inbox").size() == 2);
		JsonNode update = this.remote.activitiesAt("/inbox").get(1);
		assertThat(update.get("type").asString()).isEqualTo("Update");
		assertThat(update.get("object").get("content").asString()).contains("Edited");

		assertThat(author.post("/messages/" + id + "/delete", Map.of("_csrf", token)).statusCode()).isEqualTo(302);
		await().atMost(Duration.ofSeconds(20)).until(() -> this.remote.activitiesAt("/inbox").size() == 3);
		JsonNode delete = this.remote.activitiesAt("/inbox").get(2);
		assertThat(delete.get("type").asString()).isEqualTo("Delete");
		assertThat(delete.get("object").get("id").asString()).isEqualTo(base() + "/messages/" + id);
		assertThat(this.jdbc.sql("select count(*) from federation_deliveries where host = :host")
			.param("host", this.remote.host()).query(Integer.class).single()).as("nothing left queued").isZero();
	}

	@Test
	void aFollowedTagAnnouncesNewThreadsSignedByTheTag() throws Exception {
		String tag = "followed" + System.nanoTime();
		WebSession poster = new WebSession(this.port);
		poster.signUp(TestPeople.uniqueName("tagposter"));
		poster.postMessage("First of #" + tag);
		String tagActor = base() + "/tag/" + tag;

		assertThat(follow(tagActor, this.remote.actorId() + "/follows/tag").statusCode()).isEqualTo(202);
		await().atMost(Duration.ofSeconds(20)).until(() -> this.remote.activitiesAt("/users/bob/inbox").size() == 1);
		assertThat(this.remote.activitiesAt("/users/bob/inbox").get(0).get("actor").asString()).isEqualTo(tagActor);

		long id = messageIdOf(poster.postMessage("Second of #" + tag));
		await().atMost(Duration.ofSeconds(20)).until(() -> this.remote.activitiesAt("/inbox").size() == 1);
		RemoteServer.Received announceRequest = this.remote.received.stream()
			.filter((r) -> r.path().equals("/inbox")).findFirst().orElseThrow();
		JsonNode announce = ActivityStreams.JSON.readTree(announceRequest.body());
		assertThat(announce.get("type").asString()).isEqualTo("Announce");
		assertThat(announce.get("actor").asString()).isEqualTo(tagActor);
		assertThat(announce.get("object").asString()).isEqualTo(base() + "/messages/" + id);
		assertThat(this.remote.signedBy(announceRequest, keyOf(tagActor))).isTrue();
	}

	@Test
	void anEditedThreadReachesItsTagsFollowersAsTheAuthorsUpdate() throws Exception {
		String tag = "edited" + System.nanoTime();
		String login = TestPeople.uniqueName("tageditor");
		WebSession poster = new WebSession(this.port);
		poster.signUp(login);
		String tagActor = base() + "/tag/" + tag;
		poster.postMessage("Opening #" + tag);
		assertThat(follow(tagActor, this.remote.actorId() + "/follows/edited").statusCode()).isEqualTo(202);

		long id = messageIdOf(poster.postMessage("Soon edited #" + tag));
		await().atMost(Duration.ofSeconds(20)).until(() -> this.remote.activitiesAt("/inbox").size() == 1);
		String token = WebSession.csrfOf(poster.get("/messages/" + id + "/edit").body());
		HttpResponse<String> replied = poster.post("/messages/" + id + "/replies",
				Map.of("_csrf", token, "text", "A reply with #" + tag));
		String reply = replied.headers().firstValue("Location").orElseThrow();
		long replyId = Long.parseLong(reply.substring(reply.lastIndexOf("#m") + 2));
		assertThat(poster.post("/messages/" + replyId + "/edit", Map.of("_csrf", token, "text", "Reply edited #" + tag))
			.statusCode()).isEqualTo(302);
		assertThat(poster.post("/messages/" + id + "/edit", Map.of("_csrf", token, "text", "Edited for the tag #" + tag))
			.statusCode()).isEqualTo(302);

		await().atMost(Duration.ofSeconds(20)).until(() -> this.remote.activitiesAt("/inbox").stream()
			.anyMatch((activity) -> activity.get("type").asString().equals("Update")));
		RemoteServer.Received updateRequest = this.remote.received.stream()
			.filter((r) -> r.path().equals("/inbox") && r.text().contains("\"Update\"")).findFirst().orElseThrow();
		JsonNode update = ActivityStreams.JSON.readTree(updateRequest.body());
		String author = base() + "/people/" + login;
		assertThat(update.get("actor").asString()).isEqualTo(author);
		assertThat(update.get("object").get("id").asString()).isEqualTo(base() + "/messages/" + id);
		assertThat(update.get("object").get("content").asString()).contains("Edited for the tag");
		assertThat(this.remote.signedBy(updateRequest, keyOf(author))).as("signed by the author").isTrue();
		assertThat(this.remote.activitiesAt("/inbox")).as("a reply's edit is no news for the tag's followers")
			.noneMatch((activity) -> activity.toString().contains("/messages/" + replyId + "\""));
	}

	@Test
	void aDeletedThreadReachesItsTagsFollowersAsTheAuthorsDelete() throws Exception {
		String tag = "deleted" + System.nanoTime();
		String login = TestPeople.uniqueName("tagdeleter");
		WebSession poster = new WebSession(this.port);
		poster.signUp(login);
		String tagActor = base() + "/tag/" + tag;
		poster.postMessage("Opening #" + tag);
		assertThat(follow(tagActor, this.remote.actorId() + "/follows/deleted").statusCode()).isEqualTo(202);

		long id = messageIdOf(poster.postMessage("Soon deleted #" + tag));
		await().atMost(Duration.ofSeconds(20)).until(() -> this.remote.activitiesAt("/inbox").size() == 1);
		String token = WebSession.csrfOf(poster.get("/messages/" + id + "/edit").body());
		assertThat(poster.post("/messages/" + id + "/delete", Map.of("_csrf", token)).statusCode()).isEqualTo(302);

		await().atMost(Duration.ofSeconds(20)).until(() -> this.remote.activitiesAt("/inbox").size() == 2);
		RemoteServer.Received deleteRequest = this.remote.received.stream()
			.filter((r) -> r.path().equals("/inbox") && r.text().contains("\"Delete\"")).findFirst().orElseThrow();
		JsonNode delete = ActivityStreams.JSON.readTree(deleteRequest.body());
		String author = base() + "/people/" + login;
		assertThat(delete.get("actor").asString()).isEqualTo(author);
		assertThat(delete.get("object").get("id").asString()).isEqualTo(base() + "/messages/" + id);
		assertThat(this.remote.signedBy(deleteRequest, keyOf(author))).as("signed by the author").isTrue();
	}

	@Test
	void anUndoneFollowStopsDeliveries() throws Exception {
		String login = TestPeople.uniqueName("undone");
		WebSession author = new WebSession(this.port);
		author.signUp(login);
		String actor = base() + "/people/" + login;
		String followId = this.remote.actorId() + "/follows/undo";
		follow(actor, followId);
		assertThat(this.jdbc.sql("select count(*) from federation_followers f join accounts a on a.id = f.account_id"
				+ " where a.login = :login").param("login", login).query(Integer.class).single()).isEqualTo(1);

		String undo = "{\"id\":\"" + this.remote.actorId() + "/undo/1\",\"type\":\"Undo\",\"actor\":\""
				+ this.remote.actorId() + "\",\"object\":{\"id\":\"" + followId + "\",\"type\":\"Follow\",\"actor\":\""
				+ this.remote.actorId() + "\",\"object\":\"" + actor + "\"}}";
		assertThat(this.remote.post(URI.create(actor.replace("/people/", "/federation/people/") + "/inbox"),
				undo.getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(202);
		assertThat(this.jdbc.sql("select count(*) from federation_followers f join accounts a on a.id = f.account_id"
				+ " where a.login = :login").param("login", login).query(Integer.class).single()).isZero();

		long id = messageIdOf(author.postMessage("Nobody elsewhere reads this"));
		assertThat(this.jdbc.sql("select count(*) from federation_events where message_id = :id").param("id", id)
			.query(Integer.class).single()).as("nothing queued in the posting transaction").isZero();
	}

	@Test
	void aFollowOfAnUnknownActorIsNotFound() throws Exception {
		HttpResponse<String> answer = follow(base() + "/people/nobody" + System.nanoTime(), this.remote.actorId() + "/f/x");
		assertThat(answer.statusCode()).isEqualTo(404);
		assertThat(answer.body()).contains("No person or tag here");
	}

	@Test
	void aFailedDeliveryIsRetriedLaterAndTheHostCounted() throws Exception {
		this.remote.inboxStatus = 503;
		String login = TestPeople.uniqueName("retry");
		new WebSession(this.port).signUp(login);
		follow(base() + "/people/" + login, this.remote.actorId() + "/follows/retry");
		await().atMost(Duration.ofSeconds(20)).until(() -> !this.remote.received.isEmpty());
		await().atMost(Duration.ofSeconds(20)).until(() -> this.jdbc.sql("""
				select count(*) from federation_deliveries
				where host = :host and attempts = 1 and claimed_until is null and due_at > now() + interval '20 seconds'
				  and last_error = 'answered 503'
				""").param("host", this.remote.host()).query(Integer.class).single() == 1);
		assertThat(this.jdbc.sql("select failures from federation_hosts where host = :host")
			.param("host", this.remote.host()).query(Integer.class).single()).isEqualTo(1);
		assertThat(this.remote.received).as("not sent again before its wait").hasSize(1);
		assertThat(DeliveryQueue.waitAfter(1)).isEqualTo(Duration.ofSeconds(30));
		assertThat(DeliveryQueue.waitAfter(3)).isEqualTo(Duration.ofMinutes(2));
		assertThat(DeliveryQueue.waitAfter(30)).isEqualTo(Duration.ofDays(1));
	}

}
