package org.veille.federation;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.veille.support.IntegrationTest;
import org.veille.support.TestPeople;
import org.veille.support.WebSession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Deliveries are signed by RFC 9421 first, to a real local server: one that takes it keeps getting it; one that
 * answers it 401 gets draft-cavage at once, and only draft-cavage afterwards (remembered per host). The server
 * checks RFC 9421 with its own code ({@link RemoteServer#signedByRfc9421}).
 */
@IntegrationTest
class DeliverySignatureIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(20);

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcClient jdbc;

	private final HttpClient http = HttpClient.newHttpClient();

	private RemoteServer remote;

	private WebSession author;

	private String actor;

	@BeforeEach
	void startRemote() throws Exception {
		this.remote = new RemoteServer("erin");
		// Remembered by host and port: another test's server may have had this port earlier in the same database.
		this.jdbc.sql("delete from federation_host_signatures where host = :host").param("host", this.remote.host()).update();
		String login = TestPeople.uniqueName("knock");
		this.author = new WebSession(this.port);
		this.author.signUp(login);
		this.actor = "http://127.0.0.1:" + this.port + "/people/" + login;
	}

	@AfterEach
	void stopRemote() {
		this.remote.close();
	}

	private void follow() throws Exception {
		String body = "{\"id\":\"" + this.remote.actorId() + "/follows/" + System.nanoTime() + "\",\"type\":\"Follow\","
				+ "\"actor\":\"" + this.remote.actorId() + "\",\"object\":\"" + this.actor + "\"}";
		HttpResponse<String> answer = this.remote.post(URI.create("http://127.0.0.1:" + this.port + "/federation/inbox"),
				body.getBytes(StandardCharsets.UTF_8));
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
	}

	private PublicKey actorKey() throws Exception {
		HttpResponse<String> answer = this.http.send(HttpRequest.newBuilder(URI.create(this.actor))
			.header("Accept", "application/activity+json").build(), HttpResponse.BodyHandlers.ofString());
		return ActorKeys.publicKey(ActivityStreams.JSON.readTree(answer.body()).get("publicKey").get("publicKeyPem")
			.asString());
	}

	private String remembered() {
		return this.jdbc.sql("select scheme from federation_host_signatures where host = :host")
			.param("host", this.remote.host())
			.query(String.class)
			.optional()
			.orElse("nothing");
	}

	@Test
	void aServerTakingRfc9421IsSentItFirstAndFromThenOn() throws Exception {
		this.remote.takesRfc9421 = true;
		follow();
		await().atMost(WAIT).until(() -> this.remote.received.size() == 1);
		RemoteServer.Received accept = this.remote.received.get(0);
		assertThat(this.remote.signedByRfc9421(accept, actorKey())).as("the Accept, signed by RFC 9421").isTrue();
		assertThat(accept.header("Signature-Input")).contains("keyid=\"" + this.actor + "#main-key\"");
		assertThat(remembered()).isEqualTo("rfc9421");

		this.author.postMessage("Known to take RFC 9421");
		await().atMost(WAIT).until(() -> this.remote.received.size() == 2);
		assertThat(this.remote.signedByRfc9421(this.remote.received.get(1), actorKey())).isTrue();
		assertThat(this.remote.refused).isEmpty();
	}

	@Test
	void aServerRefusingRfc9421GetsDraftCavageAtOnceAndFromThenOn() throws Exception {
		follow();
		await().atMost(WAIT).until(() -> this.remote.received.size() == 1);
		assertThat(this.remote.refused).as("the first knock, RFC 9421, answered 401").hasSize(1);
		RemoteServer.Received accept = this.remote.received.get(0);
		assertThat(accept.header("Signature-Input")).isNull();
		assertThat(this.remote.signedBy(accept, actorKey())).as("the second knock, draft-cavage").isTrue();
		assertThat(remembered()).isEqualTo("draft-cavage");

		this.author.postMessage("Known to take draft-cavage only");
		await().atMost(WAIT).until(() -> this.remote.received.size() == 2);
		assertThat(this.remote.signedBy(this.remote.received.get(1), actorKey())).isTrue();
		assertThat(this.remote.refused).as("no RFC 9421 knock once the host is known").hasSize(1);
	}

}
