package org.veille.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.awaitility.Awaitility;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.veille.VeilleApplication;

/**
 * Measures the e-mails of a popular thread: a reply in a thread whose {@code recipients} participants asked to
 * be told of replies after theirs queues one e-mail each in its posting transaction; the mail workers (default
 * count and batch) send them to a GreenMail server this driver starts. Printed: the reply's own latency, the
 * e-mails delivered per second, and the latency of ordinary posts made while the e-mails are sent, against the same
 * posts with an empty outbox. Not a test: run {@code bench/mail-throughput.sh} (see docs/BENCHMARKS.md).
 *
 * <p>Arguments: {@code recipients=10000 posts=200 rounds=3 workers=2} ({@code veille.mail.workers}). Each round posts with an empty outbox, then replies in
 * the popular thread and posts while its e-mails go out; the first round also makes every participant's unsubscribe
 * link. The database is an embedded PostgreSQL in a temporary directory, unless {@code SPRING_DATASOURCE_URL} names
 * one. Every post goes through the real HTTP server, signed in with a session, as a browser sends the form.
 */
public final class MailBenchmark {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final String PASSWORD = "correct horse battery";

	private MailBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int recipients = Arguments.number(args, "recipients", 10_000);
		int posts = Arguments.number(args, "posts", 200);
		int rounds = Arguments.number(args, "rounds", 3);
		int workers = Arguments.number(args, "workers", 2);
		GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
		smtp.start();
		Path data = Files.createTempDirectory("veille-bench-postgres");
		// Arguments, not default properties: application.properties would override those (its data directory).
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(VeilleApplication.class)
			.run("--server.port=0", "--veille.database.embedded.data-directory=" + data, "--spring.mail.host=127.0.0.1",
					"--spring.mail.port=" + smtp.getSmtp().getPort(), "--veille.mail.from=bench@veille.test",
					"--veille.signup.verify-email=false", "--veille.signup.per-address-per-hour=1000",
					"--veille.mail.workers=" + workers, "--veille.fetch.enabled=false", "--logging.level.root=warn")) {
			JdbcClient jdbc = app.getBean(JdbcClient.class);
			String site = "http://127.0.0.1:" + ((WebServerApplicationContext) app).getWebServer().getPort();
			Browser starter = Browser.signUp(site, "starter");
			Browser poster = Browser.signUp(site, "poster");
			long thread = starter.post("/post", "A popular thread #bench");
			addParticipants(jdbc, thread, recipients);
			for (int i = 0; i < 20; i++) {
				poster.post("/post", "Warming up " + i);
			}
			awaitEmptyOutbox(jdbc);

			long quiet = poster.post("/post", "A thread to reply to");
			System.out.printf("Mail benchmark: %,d recipients a reply, %d rounds, %d mail workers, %d processors%n",
					recipients, rounds, workers, Runtime.getRuntime().availableProcessors());
			// Each round measures posting with an empty outbox, then while a reply's e-mails go out, close in time:
			// on a shared machine the load changes from minute to minute.
			for (int round = 1; round <= rounds; round++) {
				Latencies idle = new Latencies();
				for (int i = 0; i < posts; i++) {
					idle.time(() -> poster.post("/post", "An ordinary post, outbox empty, number " + idle.count()));
				}
				Latencies replies = new Latencies();
				for (int i = 0; i < 20; i++) {
					replies.time(() -> starter.post("/messages/" + quiet + "/replies",
							"A reply in a quiet thread, number " + replies.count()));
				}
				long start = System.nanoTime();
				poster.post("/messages/" + thread + "/replies", "Round " + round + ": a reply everyone is told about");
				double triggerMillis = (System.nanoTime() - start) / 1e6;
				long queued = count(jdbc, "select count(*) from mail_outbox where state = 'queued'");
				Latencies busy = new Latencies();
				int whileQueued = 0;
				for (int i = 0; i < posts; i++) {
					busy.time(() -> poster.post("/post", "An ordinary post while e-mails go out, number " + busy.count()));
					if (anyQueued(jdbc)) {
						whileQueued++;
					}
				}
				awaitEmptyOutbox(jdbc);
				double seconds = (System.nanoTime() - start) / 1e9;
				System.out.printf("  round %d (load average %s):%n", round, loadAverage());
				System.out.printf("    posting, outbox empty:      %s%n", idle);
				System.out.printf("    posting while e-mails go out (%d of %d ended with e-mails still queued): %s%n",
						whileQueued, posts, busy);
				System.out.printf("    a reply in a quiet thread:  %s%n", replies);
				System.out.printf("    the reply queuing %,d e-mails: %.0f ms; all sent in %.1f s: %.0f e-mails/s%n",
						queued, triggerMillis, seconds, queued / seconds);
			}
			long failed = count(jdbc, "select count(*) from mail_outbox where state <> 'sent'");
			long received = smtp.getReceivedMessagesForDomain("bench.test").length;
			System.out.printf("  received by GreenMail: %,d e-mails to the participants; not sent: %d%n", received, failed);
			if (received != (long) recipients * rounds || failed > 0) {
				throw new IllegalStateException("Some e-mails were not delivered: the figures would mean nothing");
			}
		}
		finally {
			smtp.stop();
			deleteTree(data);
		}
	}

	/**
	 * Gives the thread {@code count} participants who confirmed their address and asked for replies after theirs:
	 * people and replies written straight into the tables, as many sign-ups and replies would leave them.
	 */
	private static void addParticipants(JdbcClient jdbc, long thread, int count) {
		jdbc.sql("""
				insert into accounts (login, email, password_hash, email_verified_at)
				select 'p' || n, 'p' || n || '@bench.test', '{noop}unused', now() from generate_series(1, :count) n
				""").param("count", count).update();
		jdbc.sql("""
				insert into messages (uuid, author_id, thread_id, body, title, created_at, updated_at, activity_at)
				select gen_random_uuid(), a.id, :thread, 'Count me in', 'Count me in', now(), now(), now()
				from accounts a where a.email like '%@bench.test'
				""").param("thread", thread).update();
		jdbc.sql("""
				insert into notification_settings (account_id, on_reply_after)
				select id, true from accounts where email like '%@bench.test'
				""").update();
		jdbc.sql("analyze").update();
	}

	private static void awaitEmptyOutbox(JdbcClient jdbc) {
		Awaitility.await()
			.atMost(Duration.ofHours(1))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> !anyQueued(jdbc));
	}

	private static boolean anyQueued(JdbcClient jdbc) {
		return jdbc.sql("select exists (select 1 from mail_outbox where state = 'queued')").query(Boolean.class).single();
	}

	/** The load average of the last minute (Linux), or "unknown". */
	private static String loadAverage() {
		try {
			return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
		}
		catch (IOException | RuntimeException ex) {
			return "unknown";
		}
	}

	private static long count(JdbcClient jdbc, String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

	private static void deleteTree(Path root) throws IOException {
		try (Stream<Path> paths = Files.walk(root)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
	}

	/** A person signed in with a session of their own, posting with the forms' CSRF token. */
	private static final class Browser {

		private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

		private final String site;

		private String token = "";

		private Browser(String site) {
			this.site = site;
		}

		static Browser signUp(String site, String login) throws Exception {
			Browser browser = new Browser(site);
			browser.send("/signup", "login=" + login + "&email=" + login + "%40example.org&password=" + encode(PASSWORD),
					browser.csrf("/signup"));
			browser.send("/login", "username=" + login + "&password=" + encode(PASSWORD), browser.csrf("/login"));
			browser.token = browser.csrf("/post");
			return browser;
		}

		/** Posts this text to the form at {@code path} and returns the message's id. */
		long post(String path, String text) throws IOException, InterruptedException {
			HttpResponse<String> answer = send(path, "text=" + encode(text), this.token);
			String location = answer.headers().firstValue("Location").orElse("");
			Matcher id = Pattern.compile("/messages/(\\d+)(?:#m(\\d+))?$").matcher(location);
			if (answer.statusCode() != 302 || !id.find()) {
				throw new IllegalStateException("Posting failed: " + answer.statusCode() + " " + location);
			}
			return Long.parseLong((id.group(2) != null) ? id.group(2) : id.group(1));
		}

		private String csrf(String path) throws IOException, InterruptedException {
			String page = this.http.send(HttpRequest.newBuilder(URI.create(this.site + path)).build(),
					HttpResponse.BodyHandlers.ofString()).body();
			Matcher matcher = CSRF.matcher(page);
			if (!matcher.find()) {
				throw new IllegalStateException("No CSRF token on " + path);
			}
			return matcher.group(1);
		}

		private HttpResponse<String> send(String path, String form, String csrf) throws IOException, InterruptedException {
			return this.http.send(HttpRequest.newBuilder(URI.create(this.site + path))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form + "&_csrf=" + encode(csrf)))
				.build(), HttpResponse.BodyHandlers.ofString());
		}

		private static String encode(String value) {
			return URLEncoder.encode(value, StandardCharsets.UTF_8);
		}

	}

	/** Request times in milliseconds: median, 95th percentile, worst. */
	private static final class Latencies {

		private final List<Double> millis = new ArrayList<>();

		interface Request {

			void run() throws Exception;

		}

		void time(Request request) throws Exception {
			long start = System.nanoTime();
			request.run();
			this.millis.add((System.nanoTime() - start) / 1e6);
		}

		int count() {
			return this.millis.size();
		}

		@Override
		public String toString() {
			List<Double> sorted = this.millis.stream().sorted().toList();
			return String.format("%d requests, median %.1f ms, 95th percentile %.1f ms, worst %.1f ms", sorted.size(),
					sorted.get(sorted.size() / 2), sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1),
					sorted.get(sorted.size() - 1));
		}

	}

}
