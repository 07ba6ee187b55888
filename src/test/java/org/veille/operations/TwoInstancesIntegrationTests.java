package org.veille.operations;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.Lifecycle;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.veille.VeilleApplication;
import org.veille.support.IntegrationTest;
import org.veille.support.SiblingDatabase;
import org.veille.support.TestPeople;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of Veille on one database of their own, each with fetch and WebSub workers, against a local
 * HTTP server that stands for the sites cited and the subscribers: a session made on one is good on the other,
 * a post on one is on the other's pages at once, a fetch and a WebSub delivery are each done once, periodic
 * work is claimed by one of them, and an instance that stops lets its requests finish and gives its fetch job
 * back to the other.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstancesIntegrationTests {

	@Autowired
	private JdbcConnectionDetails testDatabase;

	private SiblingDatabase database;

	private HttpServer sites;

	private final Map<String, List<String>> fetchedBy = new ConcurrentHashMap<>();

	private final List<String> pushes = new CopyOnWriteArrayList<>();

	private final CountDownLatch slowSiteAnswers = new CountDownLatch(1);

	private ConfigurableApplicationContext a;

	private ConfigurableApplicationContext b;

	private JdbcClient jdbc;

	@BeforeAll
	void startTwoInstances() throws IOException {
		this.sites = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
		this.sites.createContext("/", this::answer);
		this.sites.setExecutor(Executors.newCachedThreadPool());
		this.sites.start();
		this.database = SiblingDatabase.create(this.testDatabase, "two_instances");
		String databaseUrl = this.database.url();
		// Both instances are one site: its public address, on which the hub reads its feeds, is A's.
		int portOfA = freePort();
		String site = "http://127.0.0.1:" + portOfA;
		this.a = start("instance-a", databaseUrl, site, portOfA);
		this.b = start("instance-b", databaseUrl, site, 0);
		this.jdbc = this.b.getBean(JdbcClient.class);
	}

	@AfterAll
	void stopEverything() {
		this.slowSiteAnswers.countDown();
		for (ConfigurableApplicationContext context : new ConfigurableApplicationContext[] { this.a, this.b }) {
			if (context != null) {
				context.close();
			}
		}
		this.sites.stop(0);
		if (this.database != null) {
			this.database.drop();
		}
	}

	@Test
	@Order(1)
	void shouldKeepAPersonSignedInOnEitherInstance() {
		CookieClient person = new CookieClient();
		String login = TestPeople.uniqueName("both");

		assertThat(person.signUp(port(this.a), login).headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(URI.create(location).getPath()).isEqualTo("/"));
		HttpResponse<String> settingsOnB = person.get(port(this.b), "/settings");
		String tokenFromA = CookieClient.csrfOf(person.get(port(this.a), "/post").body());
		HttpResponse<String> postedOnB = person.post(port(this.b), "/post",
				Map.of("_csrf", tokenFromA, "text", "Signé sur A, posté sur B"));

		assertThat(settingsOnB.statusCode()).isEqualTo(200);
		assertThat(settingsOnB.body()).contains(login);
		assertThat(postedOnB.statusCode()).isEqualTo(302);
		assertThat(postedOnB.headers().firstValue("Location")).hasValueSatisfying(
				(location) -> assertThat(location).contains("/messages/"));
	}

	@Test
	@Order(2)
	void shouldShowAPostOnBAtOnceOnTheTagPageAKeeps() {
		CookieClient author = new CookieClient();
		author.signUp(port(this.b), TestPeople.uniqueName("writer"));
		String tag = TestPeople.uniqueName("partout");
		author.postMessage(port(this.b), "Le premier #" + tag);
		CookieClient reader = new CookieClient();
		assertThat(reader.get(port(this.a), "/tag/" + tag).body()).contains("Le premier")
			.doesNotContain("Le second");
		assertThat(reader.get(port(this.a), "/tag/" + tag).body()).doesNotContain("Le second");

		author.postMessage(port(this.b), "Le second #" + tag);

		await().atMost(Duration.ofSeconds(5))
			.pollInterval(Duration.ofMillis(20))
			.until(() -> reader.get(port(this.a), "/tag/" + tag).body().contains("Le second"));
	}

	@Test
	@Order(3)
	void shouldFetchEachQueuedLinkOnceWithWorkersOnBothInstances() {
		CookieClient author = new CookieClient();
		author.signUp(port(this.a), TestPeople.uniqueName("linker"));
		String run = TestPeople.uniqueName("page");
		List<String> paths = List.of("/page/" + run + "/1", "/page/" + run + "/2", "/page/" + run + "/3");
		author.postMessage(port(this.a), "Trois pages\n" + site(paths.get(0)) + " " + site(paths.get(1)));
		author.postMessage(port(this.b), "Une autre\n" + site(paths.get(2)));

		for (String path : paths) {
			await().atMost(Duration.ofSeconds(20)).until(() -> "fetched".equals(status(site(path))));
		}
		await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> paths.stream()
			.allMatch((path) -> this.fetchedBy.getOrDefault(path, List.of()).size() == 1));
	}

	@Test
	@Order(4)
	void shouldDeliverAWebSubPushOnceWithWorkersOnBothInstances() {
		String tag = TestPeople.uniqueName("abonne");
		String topic = "http://127.0.0.1:" + port(this.a) + "/tag/" + tag + "/feed";
		String callback = site("/push/" + tag);
		CookieClient hub = new CookieClient();
		HttpResponse<String> subscribed = hub.post(port(this.a), "/websub/hub",
				Map.of("hub.mode", "subscribe", "hub.topic", topic, "hub.callback", callback));
		assertThat(subscribed.statusCode()).isEqualTo(202);
		await().atMost(Duration.ofSeconds(10)).until(() -> this.jdbc
			.sql("select count(*) from websub_subscriptions where callback = ?")
			.param(callback)
			.query(Long.class)
			.single() == 1);
		CookieClient author = new CookieClient();
		author.signUp(port(this.b), TestPeople.uniqueName("pusher"));

		author.postMessage(port(this.b), "Poussé une fois #" + tag);

		await().atMost(Duration.ofSeconds(15)).until(() -> pushesOf("Poussé une fois") == 1);
		await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> pushesOf("Poussé une fois") == 1);
	}

	@Test
	@Order(5)
	void shouldRunPeriodicWorkOnOneInstanceOnly() throws Exception {
		String task = TestPeople.uniqueName("periodic");
		ClusterTasks onA = this.a.getBean(ClusterTasks.class);
		ClusterTasks onB = this.b.getBean(ClusterTasks.class);
		ExecutorService callers = Executors.newFixedThreadPool(24);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Boolean>> claims = new ArrayList<>();
			for (int i = 0; i < 24; i++) {
				ClusterTasks instance = (i % 2 == 0) ? onA : onB;
				claims.add(callers.submit(() -> {
					start.await();
					return instance.claim(task, Duration.ofMinutes(10));
				}));
			}
			start.countDown();
			long won = 0;
			for (Future<Boolean> claim : claims) {
				won += claim.get(30, TimeUnit.SECONDS) ? 1 : 0;
			}
			assertThat(won).isEqualTo(1);
		}
		finally {
			callers.shutdownNow();
		}
		assertThat(onA.claim(task, Duration.ofMinutes(10))).isFalse();
		assertThat(onB.claim(task, Duration.ofMinutes(10))).isFalse();
	}

	@Test
	@Order(6)
	void shouldFinishRequestsAndGiveTheFetchJobToTheOtherInstanceWhenStopping() throws Exception {
		Lifecycle workersOfB = (Lifecycle) this.b.getBean("fetchWorkers");
		workersOfB.stop();
		CookieClient author = new CookieClient();
		author.signUp(port(this.a), TestPeople.uniqueName("stopping"));
		String slow = "/slow/" + TestPeople.uniqueName("s");
		author.postMessage(port(this.a), "Lent à venir\n" + site(slow));
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.fetchedBy.getOrDefault(slow, List.of()).contains("instance-a"));
		workersOfB.start();
		int portOfA = port(this.a);
		int managementPortOfA = managementPort(this.a);
		try (Socket upload = new Socket("127.0.0.1", portOfA)) {
			OutputStream out = upload.getOutputStream();
			String body = "username=nobody&password=" + "x".repeat(40);
			out.write(("POST /login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
					+ "Content-Length: " + body.length() + "\r\n\r\n" + body.substring(0, 20)).getBytes(StandardCharsets.US_ASCII));
			out.flush();
			// The request is in progress once A's metrics count it among the active ones.
			await().atMost(Duration.ofSeconds(10))
				.until(() -> Scrape.of(Http.get(managementPortOfA, "/actuator/prometheus").body())
					.value("http_server_requests_active_seconds_count", "method", "POST") >= 1);

			CompletableFuture<Void> stopped = CompletableFuture.runAsync(this.a::close);
			await().atMost(Duration.ofSeconds(20)).until(() -> !accepts(portOfA));
			out.write(body.substring(20).getBytes(StandardCharsets.US_ASCII));
			out.flush();

			String statusLine = new BufferedReader(new InputStreamReader(upload.getInputStream(), StandardCharsets.US_ASCII))
				.readLine();
			assertThat(statusLine).as("the request in progress is answered").startsWith("HTTP/1.1 ");
			stopped.get(30, TimeUnit.SECONDS);
		}
		this.a = null;

		await().atMost(Duration.ofSeconds(20)).until(() -> "fetched".equals(status(site(slow))));
		assertThat(this.jdbc.sql("select title from links where url = ?").param(site(slow)).query(String.class).single())
			.isEqualTo("Fetched by instance-b");
		assertThat(this.fetchedBy.get(slow)).containsExactly("instance-a", "instance-b");
	}

	private ConfigurableApplicationContext start(String name, String databaseUrl, String publicUrl, int port) {
		return new SpringApplicationBuilder(VeilleApplication.class).run("--spring.main.banner-mode=off",
				"--spring.datasource.url=" + databaseUrl, "--spring.datasource.username=" + this.testDatabase.getUsername(),
				"--spring.datasource.password=" + Objects.requireNonNullElse(this.testDatabase.getPassword(), ""),
				"--veille.database.embedded.enabled=false", "--server.port=" + port, "--management.server.port=0",
				"--veille.public-url=" + publicUrl,
				"--veille.fetch.enabled=true", "--veille.outbound.allow-private-addresses=true",
				// The test sites' port, and the instances' own (their hub reads their feeds), chosen at start.
				"--veille.outbound.allowed-ports=1-65535", "--veille.fetch.poll-interval=200ms",
				"--veille.fetch.host-spacing=0s", "--veille.fetch.user-agent=Veille-test " + name,
				"--veille.signup.per-address-per-hour=1000");
	}

	/** The cited pages (answered at once, or, for {@code /slow/}, only once released when A asks) and callbacks. */
	private void answer(HttpExchange exchange) throws IOException {
		try (exchange) {
			String path = exchange.getRequestURI().getPath();
			if (path.startsWith("/push/")) {
				answerSubscriber(exchange);
				return;
			}
			String agent = Objects.requireNonNullElse(exchange.getRequestHeaders().getFirst("User-Agent"), "");
			String instance = agent.contains("instance-a") ? "instance-a" : "instance-b";
			this.fetchedBy.computeIfAbsent(path, (key) -> new CopyOnWriteArrayList<>()).add(instance);
			if (path.startsWith("/slow/") && instance.equals("instance-a")) {
				awaitQuietly(this.slowSiteAnswers);
			}
			byte[] page = ("<!doctype html><title>Fetched by " + instance + "</title>").getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
			exchange.sendResponseHeaders(200, page.length);
			exchange.getResponseBody().write(page);
		}
	}

	private void answerSubscriber(HttpExchange exchange) throws IOException {
		if ("GET".equals(exchange.getRequestMethod())) {
			String challenge = "";
			for (String pair : exchange.getRequestURI().getRawQuery().split("&")) {
				if (pair.startsWith("hub.challenge=")) {
					challenge = URLDecoder.decode(pair.substring("hub.challenge=".length()), StandardCharsets.UTF_8);
				}
			}
			byte[] echo = challenge.getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(200, echo.length);
			exchange.getResponseBody().write(echo);
			return;
		}
		try (InputStream in = exchange.getRequestBody()) {
			this.pushes.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
		exchange.sendResponseHeaders(204, -1);
	}

	private long pushesOf(String text) {
		return this.pushes.stream().filter((push) -> push.contains(text)).count();
	}

	private String status(String url) {
		return this.jdbc.sql("select fetch_status from links where url = ?").param(url).query(String.class).optional()
			.orElse("");
	}

	private String site(String path) {
		return "http://127.0.0.1:" + this.sites.getAddress().getPort() + path;
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static int port(ConfigurableApplicationContext context) {
		return Integer.parseInt(Objects.requireNonNull(context.getEnvironment().getProperty("local.server.port")));
	}

	private static int managementPort(ConfigurableApplicationContext context) {
		Environment environment = context.getEnvironment();
		return Integer.parseInt(Objects.requireNonNull(environment.getProperty("local.management.port")));
	}

	private static boolean accepts(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
