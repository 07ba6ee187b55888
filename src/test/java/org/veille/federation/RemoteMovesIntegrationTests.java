package org.veille.federation;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.veille.outbound.OutboundClient;
import org.veille.outbound.OutboundProperties;
import org.veille.outbound.PortRange;
import org.veille.support.IntegrationTest;
import org.veille.support.TestPeople;
import org.veille.support.WebSession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code Move} of an account of another server that follows people and tags here, between two real local servers:
 * accepted only when the new account lists the old one among its {@code alsoKnownAs}; then the follows are the new
 * account's (none doubled) and what is posted goes to its inbox. And local actors publish an empty
 * {@code alsoKnownAs}.
 */
@IntegrationTest
class RemoteMovesIntegrationTests {

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private RemoteSuspensions suspensions;

	@Autowired
	private DomainBlocks blocks;

	private final HttpClient http = HttpClient.newHttpClient();

	private RemoteServer old;

	private RemoteServer moved;

	@BeforeEach
	void startRemotes() throws Exception {
		this.old = new RemoteServer("oldname");
		this.moved = new RemoteServer("newname");
	}

	@AfterEach
	void stopRemotes() {
		this.old.close();
		this.moved.close();
	}

	private String base() {
		return "http://127.0.0.1:" + this.port;
	}

	private URI inbox() {
		return URI.create(base() + "/federation/inbox");
	}

	private int follow(RemoteServer follower, String object) throws Exception {
		ObjectNode follow = activity(follower.actorId(), "Follow");
		follow.put("object", object);
		return follower.post(inbox(), ActivityStreams.bytes(follow)).statusCode();
	}

	private ObjectNode activity(String actor, String type) {
		ObjectNode activity = JsonNodeFactory.instance.objectNode();
		activity.put("@context", ActivityStreams.NAMESPACE);
		activity.put("id", actor + "/activities/" + System.nanoTime());
		activity.put("type", type);
		activity.put("actor", actor);
		return activity;
	}

	private ObjectNode move(String actor, String object, String target) {
		ObjectNode move = activity(actor, "Move");
		move.put("object", object);
		move.put("target", target);
		return move;
	}

	private List<String> followersOf(String column, String value) {
		String followed = column.equals("login") ? "join accounts x on x.id = f.account_id where x.login = :value"
				: "join tags x on x.id = f.tag_id where x.key = :value";
		return this.jdbc.sql("select r.uri from federation_followers f join remote_actors r on r.id = f.remote_actor_id "
				+ followed + " order by r.uri").param("value", value).query(String.class).list();
	}

	@Test
	void aMoveToAnAccountNamingTheOldOneMovesItsFollowsAndDeliveries() throws Exception {
		String login = TestPeople.uniqueName("moved");
		WebSession person = new WebSession(this.port);
		person.signUp(login);
		String tag = "moving" + System.nanoTime();
		person.postMessage("Opening #" + tag);
		assertThat(follow(this.old, base() + "/people/" + login)).isEqualTo(202);
		assertThat(follow(this.old, base() + "/tag/" + tag)).isEqualTo(202);
		assertThat(follow(this.moved, base() + "/people/" + login)).as("already following").isEqualTo(202);
		this.moved.alsoKnownAs = List.of(this.old.actorId());

		HttpResponse<String> answer = this.old.post(inbox(),
				ActivityStreams.bytes(move(this.old.actorId(), this.old.actorId(), this.moved.actorId())));
		assertThat(answer.statusCode()).isEqualTo(202);
		assertThat(followersOf("login", login)).as("no follow doubled").containsExactly(this.moved.actorId());
		assertThat(followersOf("key", tag)).containsExactly(this.moved.actorId());

		person.postMessage("After the move #" + tag);
		await().atMost(Duration.ofSeconds(20)).until(() -> this.moved.activitiesAt("/inbox").stream()
			.anyMatch((activity) -> activity.toString().contains("After the move")));
		assertThat(this.old.activitiesAt("/inbox")).as("nothing more to the old account's server").isEmpty();
	}

	@Test
	void aMoveToAnAccountThatDoesNotNameTheOldOneIsIgnored() throws Exception {
		String login = TestPeople.uniqueName("notmoved");
		new WebSession(this.port).signUp(login);
		follow(this.old, base() + "/people/" + login);
		this.moved.alsoKnownAs = List.of(this.old.base() + "/users/someoneelse");

		assertThat(this.old.post(inbox(), ActivityStreams.bytes(move(this.old.actorId(), this.old.actorId(),
				this.moved.actorId()))).statusCode()).isEqualTo(202);
		assertThat(this.moved.fetched).as("the target was asked").contains("/users/newname");
		assertThat(followersOf("login", login)).containsExactly(this.old.actorId());
	}

	@Test
	void aMoveSignedBySomeoneElseOrOfSomeoneElseIsRefusedOrIgnored() throws Exception {
		String login = TestPeople.uniqueName("hijacked");
		new WebSession(this.port).signUp(login);
		follow(this.old, base() + "/people/" + login);
		follow(this.moved, base() + "/people/" + login);
		this.moved.alsoKnownAs = List.of(this.old.actorId());
		RemoteServer third = new RemoteServer("third");
		try (third) {
			third.alsoKnownAs = List.of(this.old.actorId());
			HttpResponse<String> signedByOther = this.moved.post(inbox(),
					ActivityStreams.bytes(move(this.old.actorId(), this.old.actorId(), third.actorId())));
			assertThat(signedByOther.statusCode()).isEqualTo(403);
			assertThat(signedByOther.body()).contains("not the one who signed it");

			assertThat(this.moved.post(inbox(), ActivityStreams.bytes(move(this.moved.actorId(), this.old.actorId(),
					third.actorId()))).statusCode()).as("a Move of another account").isEqualTo(202);
			assertThat(third.fetched).isEmpty();
		}
		assertThat(followersOf("login", login)).containsExactlyInAnyOrder(this.old.actorId(), this.moved.actorId());
	}

	@Test
	void aMoveToAPrivateAddressIsRefusedByTheGuardedClientUnderTheDefaultPolicy() throws Exception {
		String login = TestPeople.uniqueName("privatemove");
		new WebSession(this.port).signUp(login);
		follow(this.old, base() + "/people/" + login);
		this.moved.alsoKnownAs = List.of(this.old.actorId());
		RemoteActor sender = this.jdbc.sql("select * from remote_actors where uri = :uri").param("uri", this.old.actorId())
			.query((rs, row) -> new RemoteActor(rs.getLong("id"), rs.getString("uri"), rs.getString("key_id"),
					rs.getString("handle"), rs.getString("host"), rs.getString("inbox"), rs.getString("shared_inbox"),
					rs.getString("profile_url"), rs.getString("public_key_pem")))
			.single();

		OutboundProperties policy = new OutboundProperties(false, List.of(PortRange.valueOf("1-65535")),
				Duration.ofSeconds(2), 4, 100, OutboundProperties.DEFAULT_USER_AGENT);
		try (OutboundClient strict = new OutboundClient(policy)) {
			RemoteActors unsignedGets = new RemoteActors(this.jdbc, strict, (uri) -> Map.of(), Clock.systemUTC());
			RemoteMoves moves = new RemoteMoves(this.jdbc, unsignedGets, this.suspensions, this.blocks);
			assertThat(moves.receive(sender, move(this.old.actorId(), this.old.actorId(), this.moved.actorId())))
				.isEqualTo(Inbox.Outcome.ACCEPTED);
		}
		assertThat(this.moved.fetched).as("nothing was asked of the private address").isEmpty();
		assertThat(followersOf("login", login)).containsExactly(this.old.actorId());
	}

	@Test
	void localActorsPublishAnEmptyAlsoKnownAs() throws Exception {
		String login = TestPeople.uniqueName("knownas");
		new WebSession(this.port).signUp(login);
		HttpResponse<String> answer = this.http.send(HttpRequest.newBuilder(URI.create(base() + "/people/" + login))
			.header("Accept", "application/activity+json").build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		JsonNode actor = ActivityStreams.JSON.readTree(answer.body());
		assertThat(actor.get("alsoKnownAs").isArray()).isTrue();
		assertThat(actor.get("alsoKnownAs").isEmpty()).isTrue();
		assertThat(actor.get("@context").toString()).contains("\"alsoKnownAs\":{\"@id\":\"as:alsoKnownAs\",\"@type\":\"@id\"}");
	}

}
