package org.veille.websub;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import org.veille.support.IntegrationTest;
import org.veille.support.Posting;
import org.veille.support.TestPeople;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The WebSub hub, with a subscriber on a real local HTTP server: intent verified, a new entry pushed
 * within seconds, signed with the subscriber's secret.
 */
@IntegrationTest
class WebSubIntegrationTests {

	@LocalServerPort
	private int port;

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcClient jdbc;

	private HttpServer subscriber;

	private final List<Map<String, String>> verifications = new CopyOnWriteArrayList<>();

	private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();

	/** What the subscriber answers to a challenge: the challenge itself, or what a test sets. */
	private final Map<String, String> answers = new ConcurrentHashMap<>();

	record Delivery(String path, String body, String signature, String link) {
	}

	@BeforeEach
	void startSubscriber() throws IOException {
		this.subscriber = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
		this.subscriber.createContext("/", this::answer);
		this.subscriber.start();
	}

	/** This test's subscriptions go, so that they never count towards the hub's limit for 127.0.0.1. */
	@AfterEach
	void stopSubscriber() {
		this.subscriber.stop(0);
		for (String table : List.of("websub_jobs", "websub_subscriptions")) {
			this.jdbc.sql("delete from " + table + " where callback like :callbacks")
				.param("callbacks", callback("/") + "%")
				.update();
		}
	}

	private void answer(HttpExchange exchange) throws IOException {
		try (exchange) {
			String path = exchange.getRequestURI().getPath();
			if ("GET".equals(exchange.getRequestMethod())) {
				Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
				this.verifications.add(query);
				byte[] body = this.answers.getOrDefault(path, query.getOrDefault("hub.challenge", ""))
					.getBytes(StandardCharsets.UTF_8);
				exchange.sendResponseHeaders(200, body.length);
				exchange.getResponseBody().write(body);
				return;
			}
			try (InputStream in = exchange.getRequestBody()) {
				this.deliveries.add(new Delivery(path, new String(in.readAllBytes(), StandardCharsets.UTF_8),
						exchange.getRequestHeaders().getFirst("X-Hub-Signature"),
						exchange.getRequestHeaders().getFirst("Link")));
			}
			exchange.sendResponseHeaders(204, -1);
		}
	}

	@Test
	void shouldPushANewEntryToAVerifiedSubscriberWithinSeconds() throws Exception {
		String login = TestPeople.uniqueName("pushed");
		MockHttpSession author = TestPeople.signUp(this.mvc, login);
		Posting.as(this.mvc, author, "Avant l'abonnement");
		String topic = site() + "/people/" + login + "/feed";
		String callback = callback("/push/" + login);

		HttpResponse<String> subscribed = hub("subscribe", topic, callback, "un secret partagé");

		assertThat(subscribed.statusCode()).isEqualTo(202);
		await().atMost(Duration.ofSeconds(10)).until(() -> subscriptions(topic, callback) == 1);
		assertThat(this.verifications).anySatisfy((query) -> {
			assertThat(query).containsEntry("hub.mode", "subscribe").containsEntry("hub.topic", topic);
			assertThat(query.get("hub.lease_seconds")).isNotBlank();
		});
		String feed = this.mvc.perform(get("/people/" + login + "/feed")).andReturn().getResponse().getContentAsString();
		assertThat(feed).contains("rel=\"hub\"").contains("/websub/hub");

		Posting.as(this.mvc, author, "Tout frais publié");

		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.deliveries.stream().anyMatch((delivery) -> delivery.body().contains("Tout frais publié")));
		Delivery delivery = this.deliveries.stream()
			.filter((candidate) -> candidate.body().contains("Tout frais publié"))
			.findFirst()
			.orElseThrow();
		assertThat(delivery.path()).isEqualTo("/push/" + login);
		assertThat(delivery.signature()).isEqualTo("sha256="
				+ WebSubDelivery.hmac("un secret partagé", delivery.body().getBytes(StandardCharsets.UTF_8)));
		assertThat(delivery.link()).contains("rel=\"hub\"").contains("<" + topic + ">; rel=\"self\"");
	}

	/**
	 * An instance that claimed a delivery and died before sending it: the job stays in the queue, reserved, and
	 * another worker sends it once the reservation ends. A job still reserved is left to its worker.
	 */
	@Test
	void shouldSendADeliveryWhoseWorkerDiedOnceItsReservationEnds() throws Exception {
		String login = TestPeople.uniqueName("orphan");
		MockHttpSession author = TestPeople.signUp(this.mvc, login);
		Posting.as(this.mvc, author, "Envoyé après la panne");
		String topic = site() + "/people/" + login + "/feed";
		long orphaned = subscribe(topic, callback("/orphaned/" + login));
		long reserved = subscribe(topic, callback("/reserved/" + login));

		this.jdbc.sql("""
				insert into websub_jobs (kind, subscription_id, due_at, claimed_until)
				values ('deliver', :orphaned, now() - interval '3 minutes', now() - interval '1 second'),
				       ('deliver', :reserved, now() - interval '3 minutes', now() + interval '1 hour')
				""").param("orphaned", orphaned).param("reserved", reserved).update();

		await().atMost(Duration.ofSeconds(10)).until(() -> this.deliveries.stream()
			.anyMatch((delivery) -> delivery.path().equals("/orphaned/" + login)
					&& delivery.body().contains("Envoyé après la panne")));
		await().atMost(Duration.ofSeconds(5)).until(() -> pendingJobsOf(orphaned) == 0);
		assertThat(this.deliveries).noneMatch((delivery) -> delivery.path().equals("/reserved/" + login));
		assertThat(pendingJobsOf(reserved)).isEqualTo(1);
	}

	@Test
	void shouldNotSubscribeWhenTheCallbackDoesNotEchoTheChallenge() throws Exception {
		String login = TestPeople.uniqueName("unconfirmed");
		TestPeople.signUp(this.mvc, login);
		String topic = site() + "/people/" + login + "/feed";
		String callback = callback("/refuses/" + login);
		this.answers.put("/refuses/" + login, "not the challenge");

		assertThat(hub("subscribe", topic, callback, null).statusCode()).isEqualTo(202);

		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.verifications.stream().anyMatch((query) -> topic.equals(query.get("hub.topic"))));
		await().atMost(Duration.ofSeconds(10)).until(() -> pendingJobs(callback) == 0);
		assertThat(subscriptions(topic, callback)).isZero();
	}

	@Test
	void shouldUnsubscribeOnlyOnceTheCallbackConfirms() throws Exception {
		String login = TestPeople.uniqueName("leaving");
		TestPeople.signUp(this.mvc, login);
		String topic = site() + "/people/" + login + "/only/feed";
		String callback = callback("/leaving/" + login);
		hub("subscribe", topic, callback, null);
		await().atMost(Duration.ofSeconds(10)).until(() -> subscriptions(topic, callback) == 1);

		assertThat(hub("unsubscribe", topic, callback, null).statusCode()).isEqualTo(202);

		await().atMost(Duration.ofSeconds(10)).until(() -> subscriptions(topic, callback) == 0);
	}

	@Test
	void shouldRefuseRequestsThatNameNoFeedOfThisSite() throws Exception {
		String callback = callback("/whatever");

		assertThat(hub("subscribe", "https://elsewhere.example.org/feed", callback, null).statusCode()).isEqualTo(400);
		assertThat(hub("subscribe", site() + "/people/someone", callback, null).statusCode()).isEqualTo(400);
		assertThat(hub("subscribe", site() + "/feeds/home/secret/feed", callback, null).statusCode()).isEqualTo(400);
		assertThat(hub("subscribe", site() + "/all/feed", "ftp://example.org/x", null).statusCode()).isEqualTo(400);
		assertThat(hub("follow", site() + "/all/feed", callback, null).body()).contains("hub.mode");
		assertThat(hub("publish", "https://elsewhere.example.org/feed", null, null).statusCode()).isEqualTo(400);
		assertThat(hub("publish", site() + "/all/feed", null, null).statusCode()).isEqualTo(204);
	}

	private HttpResponse<String> hub(String mode, String topic, String callback, String secret) throws Exception {
		StringBuilder form = new StringBuilder("hub.mode=").append(encode(mode)).append("&hub.topic=").append(encode(topic));
		if (callback != null) {
			form.append("&hub.callback=").append(encode(callback));
		}
		if (secret != null) {
			form.append("&hub.secret=").append(encode(secret));
		}
		HttpRequest request = HttpRequest.newBuilder(URI.create(site() + "/websub/hub"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form.toString()))
			.build();
		return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
	}

	private String site() {
		return "http://127.0.0.1:" + this.port;
	}

	private String callback(String path) {
		return "http://127.0.0.1:" + this.subscriber.getAddress().getPort() + path;
	}

	private long subscriptions(String topic, String callback) {
		return this.jdbc.sql("select count(*) from websub_subscriptions where topic = :topic and callback = :callback")
			.param("topic", topic)
			.param("callback", callback)
			.query(Long.class)
			.single();
	}

	/** A live subscription, as a verified one is stored; its id. */
	private long subscribe(String topic, String callback) {
		return this.jdbc.sql("""
				insert into websub_subscriptions (topic, callback, secret, expires_at, created_at)
				values (:topic, :callback, null, now() + interval '1 day', now()) returning id
				""").param("topic", topic).param("callback", callback).query(Long.class).single();
	}

	private long pendingJobsOf(long subscription) {
		return this.jdbc.sql("select count(*) from websub_jobs where subscription_id = :id")
			.param("id", subscription)
			.query(Long.class)
			.single();
	}

	private long pendingJobs(String callback) {
		return this.jdbc.sql("select count(*) from websub_jobs where callback = :callback")
			.param("callback", callback)
			.query(Long.class)
			.single();
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static Map<String, String> query(String raw) {
		if (raw == null) {
			return Map.of();
		}
		return java.util.Arrays.stream(raw.split("&"))
			.map((pair) -> pair.split("=", 2))
			.collect(Collectors.toMap((pair) -> URLDecoder.decode(pair[0], StandardCharsets.UTF_8),
					(pair) -> (pair.length > 1) ? URLDecoder.decode(pair[1], StandardCharsets.UTF_8) : "",
					(first, second) -> second));
	}

}
