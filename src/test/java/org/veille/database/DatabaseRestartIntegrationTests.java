package org.veille.database;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import org.veille.VeilleApplication;
import org.veille.support.TestPeople;
import org.veille.support.WebSession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * PostgreSQL stopped and started again under a running Veille (issue 11): while it is away every page
 * answers 503 in the site's layout and a post comes back with its text in the form; once it is back,
 * posts are taken again within 10 seconds without restarting Veille, and no acknowledged post is lost.
 * The application and its PostgreSQL are this test's own, so that stopping the database harms no other test.
 */
@ExtendWith(OutputCaptureExtension.class)
class DatabaseRestartIntegrationTests {

	/** Hikari's default, which the application keeps. */
	private static final int POOL_SIZE = 10;

	@TempDir
	Path directory;

	private EmbeddedPostgres postgres;

	private ConfigurableApplicationContext app;

	@AfterEach
	void stop() throws IOException {
		if (this.app != null) {
			this.app.close();
		}
		if (this.postgres != null) {
			this.postgres.close();
		}
	}

	@Test
	void shouldAnswer503WhileTheDatabaseIsAwayAndRecoverWithoutLosingAcknowledgedPosts(CapturedOutput output)
			throws Exception {
		int databasePort = freePort();
		this.postgres = startPostgres(databasePort);
		this.app = startVeille(databasePort);
		int port = Integer.parseInt(this.app.getEnvironment().getProperty("local.server.port"));
		List<WebSession> people = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			WebSession person = new WebSession(port);
			String login = TestPeople.uniqueName("restart");
			assertThat(person.signUp(login).statusCode()).isEqualTo(302);
			// A sign-up signs nobody in since e-mail came (issue 13).
			assertThat(person.signIn(login).statusCode()).isEqualTo(302);
			people.add(person);
		}
		Posters posters = new Posters(people);
		posters.start();
		await().atMost(Duration.ofSeconds(30)).until(() -> posters.acknowledged.size() >= 8);
		// Someone opens the sign-in page before the database goes, and sends it while it is away.
		WebSession visitor = new WebSession(port);
		String signInToken = WebSession.csrfOf(visitor.get("/login").body());
		String postingToken = people.get(0).postingToken();

		this.postgres.close();
		// The connections in use break now, each noted once by the pool; what follows must stay quiet.
		await().atMost(Duration.ofSeconds(30)).until(() -> posters.statuses.getOrDefault(503, 0) >= people.size());
		int logBefore = output.getAll().length();
		String text = "Written while the database is away <b>& kept</b>";
		HttpResponse<String> post = people.get(0).postMessage(postingToken, text);
		HttpResponse<String> page = new WebSession(port).get("/all");
		// Refused before any controller, reading the visitor's session: the page must say the same.
		HttpResponse<String> signIn = visitor.post("/login", Map.of("_csrf", signInToken,
				"username", "someone", "password", "a password"));
		String logWhileAway = output.getAll().substring(logBefore);

		this.postgres = startPostgres(databasePort);
		long back = System.nanoTime();
		await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
			.until(() -> postsAgain(people.get(0)));
		double recovery = (System.nanoTime() - back) / 1e9;
		// The 503 page's form, sent again as it came, once the database is back.
		HttpResponse<String> retried = people.get(0).postMessage(WebSession.csrfOf(post.body()), text);
		int acknowledgedAtRecovery = posters.acknowledged.size();
		await().atMost(Duration.ofSeconds(30)).until(() -> posters.acknowledged.size() >= acknowledgedAtRecovery + 8);
		posters.stop();

		assertThat(post.statusCode()).isEqualTo(503);
		assertThat(post.body()).contains("Try again")
			.contains("Written while the database is away &lt;b&gt;&amp; kept&lt;/b&gt;</textarea>")
			.contains("class=\"brand\"")
			.doesNotContain("Exception");
		assertThat(retried.statusCode()).as("the kept form sent again").isEqualTo(302);
		assertThat(page.statusCode()).isEqualTo(503);
		assertThat(page.body()).contains("class=\"brand\"").contains("Try again").doesNotContain("Exception");
		assertThat(signIn.statusCode()).isEqualTo(503);
		assertThat(signIn.body()).contains("class=\"brand\"").contains("Try again").doesNotContain("Exception");
		assertThat(posters.statuses.keySet()).as("answers while the database went away and came back")
			.isSubsetOf(302, 503);
		JdbcClient jdbc = JdbcClient.create(new DriverManagerDataSource(this.postgres.getJdbcUrl("postgres", "postgres")));
		assertThat(jdbc.sql("select count(*) from messages where body = :text").param("text", text)
			.query(Long.class).single()).as("stored copies of the kept text").isEqualTo(1);
		for (String acknowledged : posters.acknowledged) {
			assertThat(jdbc.sql("select count(*) from messages where body = :text").param("text", acknowledged)
				.query(Long.class).single()).as("stored copies of %s", acknowledged).isEqualTo(1);
		}
		assertThat(recovery).as("seconds to take posts again").isLessThan(10);
		// The pool notes each broken connection once, with its stack trace, when it next tries it: bounded by its size.
		List<String> entries = logEntries(logWhileAway);
		List<String> broken = entries.stream().filter((entry) -> entry.contains("marked as broken")).toList();
		assertThat(broken).as("broken connections noted").hasSizeLessThanOrEqualTo(POOL_SIZE);
		assertThat(entries.stream().filter((entry) -> !broken.contains(entry)))
			.as("log while the database was away")
			.allSatisfy((entry) -> assertThat(entry).doesNotContain("\tat "))
			.hasSizeLessThan(30);
	}

	/** Whether the posting form opens and a post sent with it is taken: either may still be a 503. */
	private static boolean postsAgain(WebSession person) {
		HttpResponse<String> form = person.get("/post");
		return form.statusCode() == 200
				&& person.postMessage(WebSession.csrfOf(form.body()), "Back after the restart " + System.nanoTime())
					.statusCode() == 302;
	}

	/** People posting one message after another until told to stop, noting every answer. */
	private static final class Posters {

		final List<String> acknowledged = new CopyOnWriteArrayList<>();

		final Map<Integer, Integer> statuses = new ConcurrentHashMap<>();

		private final List<WebSession> people;

		private final AtomicBoolean running = new AtomicBoolean(true);

		private final ExecutorService threads;

		private final List<Future<?>> loops = new ArrayList<>();

		Posters(List<WebSession> people) {
			this.people = people;
			this.threads = Executors.newFixedThreadPool(people.size());
		}

		void start() {
			for (int p = 0; p < this.people.size(); p++) {
				WebSession person = this.people.get(p);
				String token = person.postingToken();
				int poster = p;
				this.loops.add(this.threads.submit(() -> {
					// Bounded: the test stops the loops long before.
					for (int i = 0; i < 10_000 && this.running.get(); i++) {
						String text = "Poster " + poster + " message " + i + " " + System.nanoTime();
						int status = person.postMessage(token, text).statusCode();
						this.statuses.merge(status, 1, Integer::sum);
						if (status == 302) {
							this.acknowledged.add(text);
						}
					}
					return null;
				}));
			}
		}

		void stop() throws Exception {
			this.running.set(false);
			for (Future<?> loop : this.loops) {
				loop.get(1, TimeUnit.MINUTES);
			}
			this.threads.shutdown();
		}

	}

	/** The log's entries: each starts with its date, and a stack trace belongs to the entry above it. */
	private static List<String> logEntries(String log) {
		List<String> entries = new ArrayList<>();
		for (String line : log.split("\n")) {
			if (line.matches("^\\d{4}-\\d{2}-\\d{2}T.*") || entries.isEmpty()) {
				entries.add(line);
			}
			else {
				entries.set(entries.size() - 1, entries.get(entries.size() - 1) + "\n" + line);
			}
		}
		return entries;
	}

	private EmbeddedPostgres startPostgres(int port) throws IOException {
		return EmbeddedPostgres.builder()
			.setDataDirectory(this.directory.resolve("postgres"))
			.setCleanDataDirectory(false)
			.setPort(port)
			.start();
	}

	private static ConfigurableApplicationContext startVeille(int databasePort) {
		return new SpringApplicationBuilder(VeilleApplication.class).run(
				"--spring.datasource.url=jdbc:postgresql://localhost:" + databasePort + "/postgres",
				"--spring.datasource.username=postgres", "--spring.datasource.password=", "--server.port=0",
				"--spring.main.banner-mode=off", "--spring.datasource.hikari.connection-timeout=3000",
				// The posters post as fast as they can: the spam limits are not what is tested here.
				"--veille.limits.posts-per-minute=1000000", "--veille.limits.posts-per-hour=1000000");
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
