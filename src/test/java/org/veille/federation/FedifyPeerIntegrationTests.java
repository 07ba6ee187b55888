package org.veille.federation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.veille.support.IntegrationTest;
import org.veille.support.TestPeople;
import org.veille.support.WebSession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Federation with an independent implementation: a small server written with Fedify (src/test/peer, started here
 * with Node on loopback) follows a Veille person and a Veille tag, receives a new post with its hashtag (Fedify
 * checks Veille's signatures: an activity it cannot verify never reaches its listeners), and replies; Veille
 * checks the peer's signature and shows the reply in the thread. Skipped, with one line saying why, where Node or
 * the peer's packages are missing ({@code .ci/run} installs both). Fedify 1.6 and later sign with RFC 9421 first: the
 * peer reports each POST's scheme and answer, and none of Veille's answers made it fall back to draft-cavage; Veille
 * signs its deliveries by RFC 9421 first too, and Fedify takes them.
 */
@IntegrationTest
class FedifyPeerIntegrationTests {

	private static final Path PEER = Path.of("src/test/peer");

	private static final Duration WAIT = Duration.ofSeconds(30);

	private static Process peer;

	private static String origin;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcClient jdbc;

	@BeforeAll
	static void startPeer() throws Exception {
		Assumptions.assumeTrue(nodeMajorVersion() >= 20,
				"Node 20 or later is not installed: the test with the Fedify peer is skipped");
		Assumptions.assumeTrue(Files.isDirectory(PEER.resolve("node_modules/@fedify/fedify")),
				"The Fedify peer's packages are missing: run npm ci in src/test/peer");
		peer = new ProcessBuilder("node", "peer.mjs").directory(PEER.toFile())
			.redirectError(ProcessBuilder.Redirect.INHERIT)
			.start();
		BufferedReader output = new BufferedReader(new InputStreamReader(peer.getInputStream(), StandardCharsets.UTF_8));
		origin = CompletableFuture.supplyAsync(() -> {
			try {
				for (String line = output.readLine(); line != null; line = output.readLine()) {
					if (line.startsWith("READY ")) {
						return line.substring("READY ".length()).strip();
					}
				}
				throw new IllegalStateException("the peer stopped before it was ready");
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		}).get(30, TimeUnit.SECONDS);
		// The peer logs to stdout as it goes: its pipe is drained so that it never blocks writing.
		Thread drain = new Thread(() -> output.lines().forEach((line) -> { }), "fedify-peer-output");
		drain.setDaemon(true);
		drain.start();
	}

	@AfterAll
	static void stopPeer() throws InterruptedException {
		if (peer != null) {
			peer.destroy();
			if (!peer.waitFor(10, TimeUnit.SECONDS)) {
				peer.destroyForcibly();
			}
		}
	}

	/** The major version of the {@code node} on the PATH (the peer runs on 20 and later), 0 when there is none. */
	private static int nodeMajorVersion() {
		try {
			Process version = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
			String printed = new String(version.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
			if (!version.waitFor(10, TimeUnit.SECONDS) || version.exitValue() != 0 || !printed.matches("v\\d+\\..*")) {
				return 0;
			}
			return Integer.parseInt(printed.substring(1, printed.indexOf('.')));
		}
		catch (IOException ex) {
			return 0;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return 0;
		}
	}

	private String site() {
		return "http://127.0.0.1:" + this.port;
	}

	private JsonNode control(String path, ObjectNode input) throws Exception {
		HttpResponse<String> answer = this.http.send(HttpRequest.newBuilder(URI.create(origin + path))
			.timeout(WAIT)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(input.toString()))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
		return ActivityStreams.JSON.readTree(answer.body());
	}

	private List<JsonNode> received(String type) throws Exception {
		JsonNode all = control("/control/received", JsonNodeFactory.instance.objectNode());
		List<JsonNode> found = new ArrayList<>();
		all.forEach((activity) -> {
			if (type.equals(activity.get("type").asString())) {
				found.add(activity);
			}
		});
		return found;
	}

	@Test
	void thePeerFollowsAPersonAndATagReceivesTheirPostAndRepliesToIt() throws Exception {
		// The scheme is remembered by host and port: another test's server that took only draft-cavage may have had
		// the peer's port earlier in the same database (it failed so once), and Veille would then knock with it.
		this.jdbc.sql("delete from federation_host_signatures where host = :host")
			.param("host", URI.create(origin).getAuthority())
			.update();
		String login = TestPeople.uniqueName("fedify");
		WebSession person = new WebSession(this.port);
		person.signUp(login);
		String tag = "fedify" + System.nanoTime();
		person.postMessage("The first thread of #" + tag);
		String personActor = site() + "/people/" + login;
		String tagActor = site() + "/tag/" + tag;

		control("/control/follow", JsonNodeFactory.instance.objectNode().put("object", personActor));
		control("/control/follow", JsonNodeFactory.instance.objectNode().put("object", tagActor));
		await().atMost(WAIT).until(() -> received("Accept").size() == 2);
		assertThat(received("Accept")).extracting((accept) -> accept.get("actor").asString())
			.containsExactlyInAnyOrder(personActor, tagActor);

		HttpResponse<String> posted = person.postMessage("News from Veille #" + tag);
		String location = posted.headers().firstValue("Location").orElseThrow();
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		String noteId = site() + "/messages/" + id;
		await().atMost(WAIT).until(() -> !received("Create").isEmpty() && !received("Announce").isEmpty());
		JsonNode create = received("Create").get(0);
		assertThat(create.get("actor").asString()).isEqualTo(personActor);
		assertThat(create.get("object").asString()).isEqualTo(noteId);
		assertThat(create.get("content").asString()).contains("News from Veille");
		assertThat(create.get("tags").toString()).contains("#" + tag).contains(site() + "/tag/" + tag);
		JsonNode announce = received("Announce").get(0);
		assertThat(announce.get("actor").asString()).isEqualTo(tagActor);
		assertThat(announce.get("object").asString()).isEqualTo(noteId);

		control("/control/reply", JsonNodeFactory.instance.objectNode()
			.put("to", personActor)
			.put("inReplyTo", noteId)
			.put("content", "<p>A reply written with Fedify</p>"));
		String peerHost = URI.create(origin).getAuthority();
		String thread = person.get("/messages/" + id).body();
		assertThat(thread).contains("A reply written with Fedify").contains("@peer@" + peerHost);

		List<JsonNode> knocks = new ArrayList<>();
		control("/control/knocks", JsonNodeFactory.instance.objectNode()).forEach((knock) -> {
			if (knock.get("url").asString().startsWith(site())) {
				knocks.add(knock);
			}
		});
		assertThat(knocks).as("the two follows and the reply").hasSize(3);
		assertThat(knocks).as("Fedify's first knock, RFC 9421, was taken each time: no fall back to draft-cavage")
			.allSatisfy((knock) -> {
				assertThat(knock.get("spec").asString()).isEqualTo("rfc9421");
				assertThat(knock.get("status").asInt()).isEqualTo(202);
			});
		JsonNode inbound = control("/control/inbound", JsonNodeFactory.instance.objectNode());
		assertThat(inbound).as("Veille's Accepts, Create and Announce").hasSizeGreaterThanOrEqualTo(4);
		assertThat(inbound).as("all signed by RFC 9421, which Fedify verified and took")
			.allSatisfy((post) -> {
				assertThat(post.get("spec").asString()).isEqualTo("rfc9421");
				assertThat(post.get("status").asInt()).isBetween(200, 299);
			});
	}

}
