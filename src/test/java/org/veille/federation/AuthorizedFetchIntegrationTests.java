package org.veille.federation;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import org.veille.support.IntegrationTest;
import org.veille.support.TestPeople;
import org.veille.support.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code veille.federation.authorized-fetch} on: notes, outboxes and collections answer signed GETs only (either
 * scheme, from a server not blocked); an unsigned GET of an actor gets its key; the site actor answers anyone;
 * browsers still get HTML. And Veille signs its own GETs with the site actor's key, which a server requiring
 * signatures checks here with java.security and a regular expression, apart from Veille's signature code. A context
 * of its own (the setting), closed after the class so that its connection pool does not stay open.
 */
@IntegrationTest
@TestPropertySource(properties = "veille.federation.authorized-fetch=true")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class AuthorizedFetchIntegrationTests {

	private static final String ACTIVITY = "application/activity+json";

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcClient jdbc;

	private final HttpClient http = HttpClient.newHttpClient();

	private RemoteServer remote;

	private String login;

	private long messageId;

	@BeforeEach
	void postSomething() throws Exception {
		this.remote = new RemoteServer("dave");
		this.login = TestPeople.uniqueName("fetch");
		WebSession person = new WebSession(this.port);
		person.signUp(this.login);
		String location = person.postMessage("Signed readers only #fetch" + System.nanoTime()).headers()
			.firstValue("Location")
			.orElseThrow();
		this.messageId = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
	}

	@AfterEach
	void stopRemote() {
		this.remote.close();
	}

	private URI at(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	private HttpResponse<String> get(String path, String accept, Map<String, String> headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(at(path)).header("Accept", accept);
		headers.forEach(request::header);
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private Map<String, String> cavage(String path) throws Exception {
		return CavageCheck.signGet(at(path), this.remote.keyId(), this.remote.keys.getPrivate());
	}

	@Test
	void anUnsignedGetOfANoteOrAnOutboxIsRefused() throws Exception {
		HttpResponse<String> note = get("/messages/" + this.messageId, ACTIVITY, Map.of());
		assertThat(note.statusCode()).isEqualTo(401);
		assertThat(note.body()).contains("requires signed requests");
		assertThat(get("/federation/messages/" + this.messageId, ACTIVITY, Map.of()).statusCode()).isEqualTo(401);
		assertThat(get("/federation/people/" + this.login + "/outbox?page=true", ACTIVITY, Map.of()).statusCode())
			.isEqualTo(401);
		assertThat(get("/federation/people/" + this.login + "/followers", ACTIVITY, Map.of()).statusCode()).isEqualTo(401);
	}

	@Test
	void browsersStillGetTheHtmlPages() throws Exception {
		HttpResponse<String> page = get("/messages/" + this.messageId, "text/html,*/*;q=0.8", Map.of());
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Signed readers only");
		assertThat(get("/people/" + this.login, "text/html", Map.of()).statusCode()).isEqualTo(200);
	}

	@Test
	void anUnsignedGetOfAnActorGetsItsKeyAndInboxesOnly() throws Exception {
		HttpResponse<String> actor = get("/people/" + this.login, ACTIVITY, Map.of());
		assertThat(actor.statusCode()).isEqualTo(200);
		JsonNode document = ActivityStreams.JSON.readTree(actor.body());
		assertThat(document.get("publicKey").get("publicKeyPem").asString()).startsWith("-----BEGIN PUBLIC KEY-----");
		assertThat(document.has("inbox")).isTrue();
		assertThat(document.has("outbox")).as("only what checking a signature and sending need").isFalse();
		assertThat(document.has("name")).isFalse();
	}

	@Test
	void theSiteActorAnswersUnsignedGets() throws Exception {
		HttpResponse<String> site = get("/federation/site", ACTIVITY, Map.of());
		assertThat(site.statusCode()).isEqualTo(200);
		JsonNode document = ActivityStreams.JSON.readTree(site.body());
		assertThat(document.get("type").asString()).isEqualTo("Application");
		assertThat(document.get("publicKey").get("id").asString()).isEqualTo(at("/federation/site#main-key").toString());
	}

	@Test
	void aGetSignedByDraftCavageIsAnswered() throws Exception {
		String path = "/messages/" + this.messageId;
		HttpResponse<String> note = get(path, ACTIVITY, cavage(path));
		assertThat(note.statusCode()).as(note.body()).isEqualTo(200);
		assertThat(ActivityStreams.JSON.readTree(note.body()).get("type").asString()).isEqualTo("Note");
		String actor = "/people/" + this.login;
		HttpResponse<String> full = get(actor, ACTIVITY, cavage(actor));
		assertThat(ActivityStreams.JSON.readTree(full.body()).has("outbox")).as("a signed GET gets the whole actor").isTrue();
	}

	@Test
	void aGetSignedByRfc9421IsAnswered() throws Exception {
		String path = "/federation/people/" + this.login + "/outbox";
		Rfc9421Signer signer = new Rfc9421Signer(this.remote.keyId(), this.remote.keys.getPrivate());
		signer.components.remove("content-digest");
		HttpResponse<String> outbox = get(path, ACTIVITY, signer.headers("GET", at(path), null));
		assertThat(outbox.statusCode()).as(outbox.body()).isEqualTo(200);
		assertThat(outbox.body()).contains("OrderedCollection");
	}

	@Test
	void aGetSignedByAnotherKeyIsRefused() throws Exception {
		String path = "/messages/" + this.messageId;
		HttpResponse<String> note = get(path, ACTIVITY,
				CavageCheck.signGet(at(path), this.remote.keyId(), RemoteServer.newKeys().getPrivate()));
		assertThat(note.statusCode()).isEqualTo(401);
		assertThat(note.body()).contains("does not hold");
	}

	@Test
	void aSignatureLeavingTheHostOutIsRefused() throws Exception {
		String path = "/messages/" + this.messageId;
		Map<String, String> headers = new HashMap<>(cavage(path));
		headers.put("Signature", headers.get("Signature").replace("(request-target) host date", "(request-target) date"));
		HttpResponse<String> note = get(path, ACTIVITY, headers);
		assertThat(note.statusCode()).isEqualTo(401);
		assertThat(note.body()).contains("(request-target), host and date");
	}

	@Test
	void aGetSignedFromABlockedServerIsForbidden() throws Exception {
		this.jdbc.sql("insert into federation_domain_blocks (host, created_at) values (:host, now())")
			.param("host", this.remote.host())
			.update();
		String path = "/messages/" + this.messageId;
		HttpResponse<String> note = get(path, ACTIVITY, cavage(path));
		assertThat(note.statusCode()).isEqualTo(403);
		assertThat(this.remote.fetched).as("its key was not even fetched").isEmpty();
	}

	@Test
	void veilleSignsItsOwnGetsWithTheSiteKey() throws Exception {
		this.remote.requireSignedGets = true;
		byte[] body = ("{\"id\":\"" + this.remote.actorId() + "/a/" + System.nanoTime() + "\",\"type\":\"Arrive\",\"actor\":\""
				+ this.remote.actorId() + "\",\"object\":\"https://elsewhere.example/x\"}").getBytes(StandardCharsets.UTF_8);

		HttpResponse<String> answer = this.remote.post(at("/federation/inbox"), body);

		assertThat(answer.statusCode()).as("the remote server answered Veille's signed key fetch: " + answer.body())
			.isEqualTo(202);
		RemoteServer.Received fetch = this.remote.gets.get(0);
		Map<String, String> signature = CavageCheck.parameters(fetch.header("Signature"));
		assertThat(signature.get("keyId")).isEqualTo(at("/federation/site#main-key").toString());
		String pem = ActivityStreams.JSON.readTree(get("/federation/site", ACTIVITY, Map.of()).body())
			.get("publicKey").get("publicKeyPem").asString();
		PublicKey siteKey = KeyFactory.getInstance("RSA").generatePublic(
				new X509EncodedKeySpec(Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""))));
		assertThat(CavageCheck.holds(fetch.header("Signature"), null, null, "GET", fetch.path(), fetch::header, siteKey))
			.isTrue();
	}

}
