package org.veille.websub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import org.veille.support.IntegrationTest;
import org.veille.support.TestPeople;

/**
 * The hub keeps at most 100 subscriptions per callback host and 1,000 per topic (the defaults), counted in
 * PostgreSQL, concurrent requests included; past them a request gets a 429 saying which limit. The callbacks here
 * are on a loopback address of their own (127.x.y.z), so that no other test's subscriptions count.
 */
@IntegrationTest
class WebSubLimitsIntegrationTests {

	private static final int CONCURRENT_REQUESTS = 20;

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private SubscriptionRequests requests;

	@Autowired
	private PlatformTransactionManager transactions;

	private final HttpClient http = HttpClient.newHttpClient();

	private final String host = "127." + octet() + "." + octet() + "." + octet();

	private final String unique = TestPeople.uniqueName("limits");

	@AfterEach
	void forgetSubscriptions() {
		for (String table : List.of("websub_jobs", "websub_subscriptions")) {
			this.jdbc.sql("delete from " + table + " where websub_callback_host(callback) = :host or topic like :topics")
				.param("host", this.host)
				.param("topics", site() + "/people/" + this.unique + "%")
				.update();
		}
	}

	@Test
	void shouldRefuseTheNextSubscriptionOfACallbackHostPastItsLimit() throws Exception {
		for (int n = 0; n < 100; n++) {
			subscribed(topic(n), callback(n));
		}

		HttpResponse<String> past = subscribe(topic(100), callback(100));

		assertThat(past.statusCode()).isEqualTo(429);
		assertThat(past.body()).contains("The callback's host already has 100 subscriptions");
		assertThat(subscribe(topic(1), callback(1)).statusCode()).as("a renewal").isEqualTo(202);
		assertThat(subscribe(topic(100), "http://127.0.0.1:1/" + this.unique).statusCode()).as("another host")
			.isEqualTo(202);
	}

	@Test
	void shouldRefuseTheNextSubscriptionOfATopicPastItsLimit() throws Exception {
		this.jdbc.sql("""
				insert into websub_subscriptions (topic, callback, expires_at, created_at)
				select :topic, 'http://t' || n || '.' || :unique || '.test/push', now() + interval '1 hour', now()
				from generate_series(1, 1000) as n
				""").param("topic", topic(0)).param("unique", this.unique).update();

		HttpResponse<String> past = subscribe(topic(0), callback(0));

		assertThat(past.statusCode()).isEqualTo(429);
		assertThat(past.body()).contains("This feed already has 1000 subscriptions");
	}

	/**
	 * Twenty requests at once, more than the connection pool holds, for the one place left, each callback confirming:
	 * whatever the order of requests, verifications and confirmations, the host ends with exactly 100.
	 */
	@Test
	void shouldNeverLetConcurrentRequestsPassTheLimit() throws Exception {
		for (int n = 0; n < 99; n++) {
			subscribed(topic(n), callback(n));
		}
		HttpServer subscriber = HttpServer.create(new InetSocketAddress(InetAddress.getByName(this.host), 0), 50);
		subscriber.createContext("/", WebSubLimitsIntegrationTests::echoChallenge);
		subscriber.start();
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService clients = Executors.newFixedThreadPool(CONCURRENT_REQUESTS);
		try {
			String base = "http://" + this.host + ":" + subscriber.getAddress().getPort() + "/confirms/";
			List<Future<Integer>> answers = new ArrayList<>();
			for (int n = 100; n < 100 + CONCURRENT_REQUESTS; n++) {
				String topic = topic(n);
				String callback = base + n;
				answers.add(clients.submit(() -> {
					start.await();
					return subscribe(topic, callback).statusCode();
				}));
			}
			start.countDown();
			List<Integer> statuses = new ArrayList<>();
			for (Future<Integer> answer : answers) {
				statuses.add(answer.get());
			}

			assertThat(statuses).containsOnly(202, 429).contains(202);
			await().atMost(Duration.ofSeconds(20)).until(() -> count("websub_jobs") == 0);
			assertThat(count("websub_subscriptions")).isEqualTo(100);
		}
		finally {
			clients.shutdownNow();
			subscriber.stop(0);
		}
	}

	@Test
	void shouldQueueOneVerificationForARequestRepeatedWhileItWaits() {
		new TransactionTemplate(this.transactions).executeWithoutResult((transaction) -> {
			for (int i = 0; i < 3; i++) {
				assertThat(this.requests.request("subscribe", topic(0), callback(0), 3600, null))
					.isEqualTo(SubscriptionRequests.Outcome.ACCEPTED);
			}

			assertThat(this.jdbc.sql("select count(*) from websub_jobs where callback = :callback")
				.param("callback", callback(0))
				.query(Long.class)
				.single()).isEqualTo(1);
			transaction.setRollbackOnly();
		});
	}

	private long count(String table) {
		return this.jdbc.sql("select count(*) from " + table + " where websub_callback_host(callback) = :host")
			.param("host", this.host)
			.query(Long.class)
			.single();
	}

	private static void echoChallenge(HttpExchange exchange) throws IOException {
		try (exchange) {
			String query = String.valueOf(exchange.getRequestURI().getRawQuery());
			byte[] challenge = query.replaceAll(".*hub\\.challenge=([0-9a-f]+).*", "$1").getBytes(StandardCharsets.US_ASCII);
			exchange.sendResponseHeaders(200, challenge.length);
			exchange.getResponseBody().write(challenge);
		}
	}

	private void subscribed(String topic, String callback) {
		this.jdbc.sql("""
				insert into websub_subscriptions (topic, callback, expires_at, created_at)
				values (:topic, :callback, now() + interval '1 hour', now())
				""").param("topic", topic).param("callback", callback).update();
	}

	private HttpResponse<String> subscribe(String topic, String callback) throws Exception {
		String form = "hub.mode=subscribe&hub.topic=" + encode(topic) + "&hub.callback=" + encode(callback);
		HttpRequest request = HttpRequest.newBuilder(URI.create(site() + "/websub/hub"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private String topic(int n) {
		return site() + "/people/" + this.unique + "-" + n + "/feed";
	}

	/** Port 1 of this test's own loopback address: nothing listens, so a verification fails at once. */
	private String callback(int n) {
		return "http://" + this.host + ":1/push/" + this.unique + "/" + n;
	}

	private String site() {
		return "http://127.0.0.1:" + this.port;
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static int octet() {
		return ThreadLocalRandom.current().nextInt(1, 255);
	}

}
