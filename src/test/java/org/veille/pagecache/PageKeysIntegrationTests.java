package org.veille.pagecache;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import org.veille.VeilleApplication;
import org.veille.support.IntegrationTest;
import org.veille.support.SiblingDatabase;
import org.veille.support.TestPeople;
import org.veille.support.WebSession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Pages are dropped per key (issue 16): for each kind of change, every page that shows it is rendered again on
 * the instance that took the write at once, and on another instance on the same database as soon as PostgreSQL
 * told it, while pages that do not show it stay kept. Relative times are written afresh on a kept page.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PageKeysIntegrationTests {

	private static final Duration ANOTHER_INSTANCE = Duration.ofSeconds(10);

	private static final Pattern THREAD = Pattern.compile("/messages/(\\d+)");

	/** Both instances' clock: the tests move it to see relative times age. */
	static final MovableClock CLOCK = new MovableClock();

	@Autowired
	private JdbcConnectionDetails testDatabase;

	private SiblingDatabase database;

	private HttpServer sites;

	private final CountDownLatch titleMayArrive = new CountDownLatch(1);

	/** A second site, on another host name than {@link #sites}: its pages answer at once. */
	private HttpServer otherSite;

	private final CountDownLatch siteTitleMayArrive = new CountDownLatch(1);

	private ConfigurableApplicationContext a;

	private ConfigurableApplicationContext b;

	private final String admin = TestPeople.uniqueName("keysadmin");

	@BeforeAll
	void startTwoInstances() throws IOException {
		this.sites = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
		this.sites.createContext("/", this::answerSite);
		this.sites.createContext("/site-level/", (exchange) -> answer(exchange, this.siteTitleMayArrive, "Le titre du site"));
		this.sites.setExecutor(Executors.newCachedThreadPool());
		this.sites.start();
		this.otherSite = HttpServer.create(new InetSocketAddress(InetAddress.getByName("localhost"), 0), 10);
		this.otherSite.createContext("/", (exchange) -> answer(exchange, new CountDownLatch(0), "Un autre site"));
		this.otherSite.start();
		this.database = SiblingDatabase.create(this.testDatabase, "page_keys");
		String databaseUrl = this.database.url();
		this.a = start(databaseUrl, true);
		this.b = start(databaseUrl, false);
	}

	@AfterAll
	void stopBoth() {
		this.titleMayArrive.countDown();
		this.siteTitleMayArrive.countDown();
		this.otherSite.stop(0);
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
	void shouldShowANewThreadOnEveryPageListingItAndKeepTheOtherTagsPages() {
		Browser author = signedUp("keysnew");
		Browser follower = signedUp("keysfollower");
		String tag = tag("ecologie");
		String parent = tag("nature");
		String other = tag("cuisine");
		author.post(this.a, "Un premier fil #" + tag);
		author.post(this.a, "Un fil d'ailleurs #" + other);
		author.post(this.a, "Un fil parent #" + parent);
		follower.send(this.a, "/follows/tags", Map.of("tag", tag));
		String[] anonymous = { "/tag/" + tag, "/tag/" + parent, "/all", "/people/" + author.login, "/tag/" + other };
		keepAll(Browser.ANONYMOUS, anonymous);
		keepAll(follower, "/");

		author.post(this.a, "Le fil nouveau #" + tag + " #" + parent + "/branche");

		shownAgain(Browser.ANONYMOUS, "/tag/" + tag, "Le fil nouveau");
		shownAgain(Browser.ANONYMOUS, "/tag/" + parent, "Le fil nouveau");
		shownAgain(Browser.ANONYMOUS, "/all", "Le fil nouveau");
		shownAgain(Browser.ANONYMOUS, "/people/" + author.login, "Le fil nouveau");
		shownAgain(follower, "/", "Le fil nouveau");
		assertThat(Browser.ANONYMOUS.isServedFromMemory(this.a, "/tag/" + other)).as("a tag the post does not carry, on A")
			.isTrue();
		assertThat(Browser.ANONYMOUS.isServedFromMemory(this.b, "/tag/" + other)).as("the same on B").isTrue();
	}

	@Test
	void shouldKeepATagsPageWhenATagSharingOnlyItsFirstLettersGainsAThreadButNotOneStartingWithItsKey() {
		Browser author = signedUp("keysalike");
		String tag = tag("ecologie");
		// Seven letters in common, then another: not in the page's "starting alike" list, nor in its tree.
		String near = "ecologiste" + tag.substring("ecologie".length());
		String longer = tag + "plus";
		author.post(this.a, "Un fil #" + tag);
		author.post(this.a, "Un fil voisin #" + near);
		keepAll(Browser.ANONYMOUS, "/tag/" + tag, "/tag/" + near);

		author.post(this.a, "Un autre fil voisin #" + near);

		shownAgain(Browser.ANONYMOUS, "/tag/" + near, "Un autre fil voisin");
		for (ConfigurableApplicationContext instance : new ConfigurableApplicationContext[] { this.a, this.b }) {
			assertThat(Browser.ANONYMOUS.isServedFromMemory(instance, "/tag/" + tag))
				.as("#%s's page after a thread in #%s", tag, near)
				.isTrue();
		}

		author.post(this.a, "Un fil plus long #" + longer);

		shownAgain(Browser.ANONYMOUS, "/tag/" + tag, "href=\"/tag/" + longer + "\"");
	}

	@Test
	void shouldKeepAHomeStreamThroughPostsByNoneOfItsReasonsAndDropItForOneOfThem() {
		Browser reader = signedUp("keyshome");
		Browser followed = signedUp("keyshomefollowed");
		Browser stranger = signedUp("keyshomestranger");
		String tag = tag("suivi");
		String elsewhere = tag("ailleurs");
		stranger.post(this.a, "Un premier fil du sujet #" + tag);
		reader.send(this.a, "/people/" + followed.login + "/follow", Map.of());
		reader.send(this.a, "/follows/tags", Map.of("tag", tag));
		long older = followed.post(this.a, "Un fil plus ancien #" + elsewhere);
		stranger.post(this.a, "Un fil venu ailleurs #" + elsewhere);
		keepAll(reader, "/");
		keepAll(Browser.ANONYMOUS, "/tag/" + elsewhere, "/");

		stranger.post(this.a, "Encore un fil venu ailleurs #" + elsewhere);

		shownAgain(Browser.ANONYMOUS, "/tag/" + elsewhere, "Encore un fil venu ailleurs");
		shownAgain(Browser.ANONYMOUS, "/", "Encore un fil venu ailleurs");
		for (ConfigurableApplicationContext instance : new ConfigurableApplicationContext[] { this.a, this.b }) {
			assertThat(reader.isServedFromMemory(instance, "/")).as("a home stream after a post by none of its reasons")
				.isTrue();
		}

		stranger.post(this.a, "Un fil du sujet suivi #" + tag);
		shownAgain(reader, "/", "Un fil du sujet suivi");

		followed.post(this.a, "Un fil de la personne suivie");
		shownAgain(reader, "/", "Un fil de la personne suivie");

		// A reply moves the followed person's older thread up in the stream: its reasons' rows announce it.
		stranger.send(this.a, "/messages/" + older + "/replies", Map.of("text", "Une réponse qui le fait remonter"));
		await().atMost(ANOTHER_INSTANCE).pollInterval(Duration.ofMillis(20)).untilAsserted(() -> {
			for (ConfigurableApplicationContext instance : new ConfigurableApplicationContext[] { this.a, this.b }) {
				String home = reader.get(instance, "/").body();
				assertThat(home.indexOf("Un fil plus ancien")).as("the replied thread first")
					.isLessThan(home.indexOf("Un fil de la personne suivie"));
			}
		});
	}

	@Test
	void shouldShowAChildsNewCountInItsParentsSidePanel() {
		Browser author = signedUp("keysaside");
		String parent = tag("panneau");
		author.post(this.a, "Un fil parent #" + parent);
		author.post(this.a, "Un fil enfant #" + parent + "/enfant");
		keepAll(Browser.ANONYMOUS, "/tag/" + parent);
		assertThat(Browser.ANONYMOUS.get(this.b, "/tag/" + parent).body()).contains("<span class=\"count\">one thread</span>");

		author.post(this.a, "Un autre fil enfant #" + parent + "/enfant");

		shownAgain(Browser.ANONYMOUS, "/tag/" + parent, "<span class=\"count\">2 threads</span>");
	}

	@Test
	void shouldShowAReplyOnItsThreadAndOnEveryCardOfIt() {
		Browser author = signedUp("keysreply");
		String tag = tag("reponses");
		long thread = author.post(this.a, "Un fil qui attend #" + tag);
		keepAll(Browser.ANONYMOUS, "/messages/" + thread, "/tag/" + tag);

		author.send(this.a, "/messages/" + thread + "/replies", Map.of("text", "Une réponse arrive"));

		shownAgain(Browser.ANONYMOUS, "/messages/" + thread, "Une réponse arrive");
		shownAgain(Browser.ANONYMOUS, "/tag/" + tag, "one reply");
	}

	@Test
	void shouldShowAnEditEverywhere() {
		Browser author = signedUp("keysedit");
		String tag = tag("modifie");
		long thread = author.post(this.a, "Avant la retouche #" + tag);
		String[] pages = { "/messages/" + thread, "/tag/" + tag, "/all", "/people/" + author.login };
		keepAll(Browser.ANONYMOUS, pages);

		author.send(this.a, "/messages/" + thread + "/edit", Map.of("text", "Après la retouche #" + tag));

		for (String page : pages) {
			shownAgain(Browser.ANONYMOUS, page, "Après la retouche");
		}
	}

	@Test
	void shouldRemoveADeletedThreadEverywhere() {
		Browser author = signedUp("keysdelete");
		String tag = tag("efface");
		author.post(this.a, "Un fil qui reste #" + tag);
		long thread = author.post(this.a, "Un fil à effacer #" + tag);
		String[] pages = { "/tag/" + tag, "/all", "/people/" + author.login };
		keepAll(Browser.ANONYMOUS, pages);

		author.send(this.a, "/messages/" + thread + "/delete", Map.of());

		for (String page : pages) {
			goneAgain(Browser.ANONYMOUS, page, "Un fil à effacer");
		}
	}

	@Test
	void shouldShowAStarToEveryoneAndTheUnstarButtonToTheOneWhoStarred() {
		Browser author = signedUp("keysstarred");
		Browser reader = signedUp("keysstar");
		String tag = tag("etoile");
		long thread = author.post(this.a, "Un fil à étoiler #" + tag);
		keepAll(Browser.ANONYMOUS, "/tag/" + tag);
		keepAll(reader, "/messages/" + thread);

		reader.send(this.a, "/messages/" + thread + "/star", Map.of());

		shownAgain(Browser.ANONYMOUS, "/tag/" + tag, "★ 1");
		shownAgain(reader, "/messages/" + thread, "/messages/" + thread + "/unstar");
	}

	@Test
	void shouldShowAFollowOnTheFollowersPages() {
		Browser author = signedUp("keysfollowed");
		Browser reader = signedUp("keysfollowing");
		String tag = tag("suivi");
		author.post(this.a, "Un fil à suivre #" + tag);
		keepAll(reader, "/tag/" + tag, "/");

		reader.send(this.a, "/follows/tags", Map.of("tag", tag));

		shownAgain(reader, "/tag/" + tag, "/follows/tags/remove");
		shownAgain(reader, "/", "Un fil à suivre");
	}

	@Test
	void shouldShowATagsNewSpellingOnTheCardsOfOtherPages() {
		Browser first = signedUp("keysspelling");
		Browser others = signedUp("keysspellers");
		String tag = tag("epeler");
		long thread = first.post(this.a, "Un fil sans étiquette dans le texte");
		first.send(this.a, "/messages/" + thread + "/replies", Map.of("text", "Ajoutée par une réponse #" + tag));
		String person = "/people/" + first.login;
		keepAll(Browser.ANONYMOUS, person);
		assertThat(Browser.ANONYMOUS.get(this.a, person).body()).contains("#" + tag);
		String shouted = tag.toUpperCase(Locale.ROOT);

		others.post(this.a, "Autrement écrit #" + shouted);
		others.post(this.a, "Encore autrement écrit #" + shouted);

		shownAgain(Browser.ANONYMOUS, person, "#" + shouted);
	}

	@Test
	void shouldShowALinksTitleOnceItsPageIsFetched() {
		Browser author = signedUp("keysfetch");
		String tag = tag("lien");
		String link = "http://127.0.0.1:" + this.sites.getAddress().getPort() + "/article/" + tag;
		author.post(this.a, "Un lien à lire\n" + link + " #" + tag);
		keepAll(Browser.ANONYMOUS, "/tag/" + tag, "/all");

		this.titleMayArrive.countDown();

		for (ConfigurableApplicationContext instance : new ConfigurableApplicationContext[] { this.a, this.b }) {
			await().atMost(Duration.ofSeconds(30)).until(() -> Browser.ANONYMOUS.get(instance, "/tag/" + tag).body()
				.contains("Le titre récupéré"));
			await().atMost(ANOTHER_INSTANCE).until(() -> Browser.ANONYMOUS.get(instance, "/all").body()
				.contains("Le titre récupéré"));
		}
	}

	@Test
	void shouldShowASitesFetchedTitleOnThePagesOfThatSiteOnlyAndKeepTheOtherSitesPages() {
		Browser author = signedUp("keyssite");
		String tag = tag("site");
		String otherTag = tag("ailleurs");
		int port = this.sites.getAddress().getPort();
		author.post(this.a, "Un article du site\nhttp://127.0.0.1:" + port + "/site-level/" + tag + " #" + tag);
		author.post(this.a, "Un article d'un autre site\nhttp://localhost:" + this.otherSite.getAddress().getPort()
				+ "/" + tag + " #" + otherTag);
		// The other site's page is fetched at once: wait for it, so that nothing of it changes from here on.
		await().atMost(Duration.ofSeconds(30)).until(() -> Browser.ANONYMOUS.get(this.a, "/sites/localhost").body()
			.contains("Un autre site"));
		String[] others = { "/sites/localhost", "/tag/" + otherTag };
		keepAll(Browser.ANONYMOUS, "/sites/127.0.0.1", "/tag/" + tag);
		keepAll(Browser.ANONYMOUS, others);

		// The fetcher of A updates the link's row: it announces l:<link> and s:127.0.0.1.
		this.siteTitleMayArrive.countDown();

		for (ConfigurableApplicationContext instance : new ConfigurableApplicationContext[] { this.a, this.b }) {
			await().atMost(Duration.ofSeconds(30)).until(() -> Browser.ANONYMOUS.get(instance, "/sites/127.0.0.1").body()
				.contains("Le titre du site"));
			await().atMost(ANOTHER_INSTANCE).until(() -> Browser.ANONYMOUS.get(instance, "/tag/" + tag).body()
				.contains("Le titre du site"));
			for (String other : others) {
				assertThat(Browser.ANONYMOUS.isServedFromMemory(instance, other)).as("%s, another site's", other).isTrue();
			}
		}
	}

	@Test
	void shouldHideASuspendedPersonsThreadsEverywhere() {
		Browser author = signedUp("keyssuspended");
		Browser administrator = new Browser(this.admin);
		administrator.signUp(this.a);
		String tag = tag("suspendu");
		author.post(this.a, "Un fil bientôt caché #" + tag);
		String[] pages = { "/tag/" + tag, "/all" };
		keepAll(Browser.ANONYMOUS, pages);

		administrator.send(this.a, "/admin/people/" + author.login + "/suspend", Map.of("note", "test"));

		for (String page : pages) {
			goneAgain(Browser.ANONYMOUS, page, "Un fil bientôt caché");
		}
	}

	@Test
	void shouldHideABlockedPersonsThreadsFromTheBlockersHome() {
		Browser author = signedUp("keysblocked");
		Browser reader = signedUp("keysblocker");
		String tag = tag("bloque");
		author.post(this.a, "Un fil de la personne bloquée #" + tag);
		reader.send(this.a, "/follows/tags", Map.of("tag", tag));
		keepAll(reader, "/");
		assertThat(reader.get(this.a, "/").body()).contains("Un fil de la personne bloquée");

		reader.send(this.a, "/people/" + author.login + "/block", Map.of());

		goneAgain(reader, "/", "Un fil de la personne bloquée");
	}

	@Test
	void shouldSayHowLongAgoAtTheTimeAKeptPageIsServed() {
		Browser author = signedUp("keystime");
		String tag = tag("temps");
		long thread = author.post(this.a, "Un fil qui vieillit #" + tag);
		// Rendered for a browser: compressed once by the page cache, not by Tomcat (then again at the next view).
		assertThat(Browser.ANONYMOUS.getGzipped(this.b, "/messages/" + thread)).contains("Un fil qui vieillit");
		keepAll(Browser.ANONYMOUS, "/tag/" + tag);
		assertThat(Browser.ANONYMOUS.get(this.a, "/tag/" + tag).body()).contains("just now");

		assertThat(Browser.ANONYMOUS.getGzipped(this.a, "/tag/" + tag)).contains("just now");

		CLOCK.advance(Duration.ofMinutes(3));
		try {
			for (ConfigurableApplicationContext instance : new ConfigurableApplicationContext[] { this.a, this.b }) {
				assertThat(Browser.ANONYMOUS.isServedFromMemory(instance, "/tag/" + tag)).isTrue();
				assertThat(Browser.ANONYMOUS.get(instance, "/tag/" + tag).body()).contains("3 minutes ago")
					.doesNotContain("just now");
				// Its compressed copy too, through Tomcat as browsers get it.
				assertThat(Browser.ANONYMOUS.getGzipped(instance, "/tag/" + tag)).contains("3 minutes ago")
					.doesNotContain("just now");
			}
		}
		finally {
			CLOCK.advance(Duration.ofMinutes(-3));
		}
	}

	/** Reads each page on both instances until the second read of each is served from memory. */
	private void keepAll(Browser reader, String... paths) {
		for (ConfigurableApplicationContext instance : new ConfigurableApplicationContext[] { this.a, this.b }) {
			for (String path : paths) {
				await().atMost(ANOTHER_INSTANCE).pollInterval(Duration.ofMillis(20)).until(() -> {
					reader.get(instance, path);
					return reader.isServedFromMemory(instance, path);
				});
			}
		}
	}

	/** On A, which took the write, at once; on B as soon as PostgreSQL told it. */
	private void shownAgain(Browser reader, String path, String shown) {
		assertThat(reader.get(this.a, path).body()).as("%s on the instance that took the write", path).contains(shown);
		await().atMost(ANOTHER_INSTANCE).pollInterval(Duration.ofMillis(20))
			.untilAsserted(() -> assertThat(reader.get(this.b, path).body()).as("%s on the other instance", path)
				.contains(shown));
	}

	private void goneAgain(Browser reader, String path, String gone) {
		assertThat(reader.get(this.a, path).body()).as("%s on the instance that took the write", path)
			.doesNotContain(gone);
		await().atMost(ANOTHER_INSTANCE).pollInterval(Duration.ofMillis(20))
			.untilAsserted(() -> assertThat(reader.get(this.b, path).body()).as("%s on the other instance", path)
				.doesNotContain(gone));
	}

	private Browser signedUp(String prefix) {
		Browser browser = new Browser(TestPeople.uniqueName(prefix));
		browser.signUp(this.a);
		return browser;
	}

	private static String tag(String prefix) {
		return TestPeople.uniqueName(prefix).toLowerCase(Locale.ROOT);
	}

	private ConfigurableApplicationContext start(String databaseUrl, boolean fetching) {
		return new SpringApplicationBuilder(VeilleApplication.class, TheClock.class).run("--spring.main.banner-mode=off",
				"--spring.datasource.url=" + databaseUrl, "--spring.datasource.username=" + this.testDatabase.getUsername(),
				"--spring.datasource.password=" + Objects.requireNonNullElse(this.testDatabase.getPassword(), ""),
				// Few connections each: the test's PostgreSQL serves the shared context and other suites too.
				"--spring.datasource.hikari.maximum-pool-size=4",
				"--veille.database.embedded.enabled=false", "--server.port=0", "--management.server.port=0",
				"--veille.fetch.enabled=" + fetching, "--veille.outbound.allow-private-addresses=true",
				"--veille.outbound.allowed-ports=1-65535", "--veille.fetch.poll-interval=200ms",
				"--veille.fetch.host-spacing=0s", "--veille.signup.per-address-per-hour=1000",
				"--veille.signup.verify-email=false", "--veille.admin.logins=" + this.admin,
				"--veille.limits.posts-per-minute=1000", "--veille.limits.posts-per-hour=1000",
				"--veille.limits.replies-per-minute=1000");
	}

	private static void answer(HttpExchange exchange, CountDownLatch mayAnswer, String title) throws IOException {
		try (exchange) {
			try {
				mayAnswer.await(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			byte[] page = ("<!doctype html><title>" + title + "</title>").getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
			exchange.sendResponseHeaders(200, page.length);
			exchange.getResponseBody().write(page);
		}
	}

	/** The cited page: its title comes once the test lets it. */
	private void answerSite(HttpExchange exchange) throws IOException {
		try (exchange) {
			try {
				this.titleMayArrive.await(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			byte[] page = "<!doctype html><title>Le titre récupéré</title>".getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
			exchange.sendResponseHeaders(200, page.length);
			exchange.getResponseBody().write(page);
		}
	}

	private static int port(ConfigurableApplicationContext context) {
		return Integer.parseInt(Objects.requireNonNull(context.getEnvironment().getProperty("local.server.port")));
	}

	/** One reader's browser on both instances: the session cookie is good on either (sessions are in PostgreSQL). */
	static final class Browser {

		/** A reader without a session: never sends a cookie. */
		static final Browser ANONYMOUS = new Browser("");


		final String login;

		private final HttpClient http;

		/** Where this reader finds a form, so a CSRF token: the sign-in page, then the posting form. */
		private String formPage = "/login";

		Browser(String login) {
			this.login = login;
			HttpClient.Builder builder = HttpClient.newBuilder()
				.version(HttpClient.Version.HTTP_1_1)
				.followRedirects(HttpClient.Redirect.NEVER)
				.connectTimeout(Duration.ofSeconds(10));
			if (!login.isEmpty()) {
				builder.cookieHandler(new CookieManager());
			}
			this.http = builder.build();
		}

		void signUp(ConfigurableApplicationContext instance) {
			HttpResponse<String> signedUp = send(instance, "/signup",
					Map.of("login", this.login, "email", this.login + "@example.org", "password", TestPeople.PASSWORD));
			assertThat(signedUp.statusCode()).as("sign-up of %s", this.login).isEqualTo(302);
			HttpResponse<String> signedIn = send(instance, "/login",
					Map.of("username", this.login, "password", TestPeople.PASSWORD));
			assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(
					(location) -> assertThat(location).doesNotContain("error"));
			this.formPage = "/post";
		}

		/** Posts a new thread through the form; its id. */
		long post(ConfigurableApplicationContext instance, String text) {
			HttpResponse<String> posted = send(instance, "/post", Map.of("text", text));
			String location = posted.headers().firstValue("Location").orElse("");
			Matcher thread = THREAD.matcher(location);
			assertThat(thread.find()).as("posted %s: %s", text, location).isTrue();
			return Long.parseLong(thread.group(1));
		}

		/** Sends a form with this reader's CSRF token; the answer must redirect. */
		HttpResponse<String> send(ConfigurableApplicationContext instance, String path, Map<String, String> fields) {
			String token = WebSession.csrfOf(get(instance, this.formPage).body());
			StringJoiner body = new StringJoiner("&");
			body.add("_csrf=" + encode(token));
			fields.forEach((name, value) -> body.add(encode(name) + "=" + encode(value)));
			HttpResponse<String> answer = exchange(HttpRequest.newBuilder(uri(instance, path))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(body.toString())));
			assertThat(answer.statusCode()).as("POST %s", path).isEqualTo(302);
			return answer;
		}

		HttpResponse<String> get(ConfigurableApplicationContext instance, String path) {
			return exchange(HttpRequest.newBuilder(uri(instance, path)).header("Accept-Language", "en").GET());
		}

		/**
		 * The page as a browser asks for it, compressed by the page cache, read back: the answer must say it is
		 * gzip, once, and vary by what the reader accepts, as Tomcat's own compressed answers do; so must its HEAD.
		 */
		String getGzipped(ConfigurableApplicationContext instance, String path) {
			try {
				HttpResponse<byte[]> answer = this.http.send(HttpRequest.newBuilder(uri(instance, path))
					.header("Accept-Language", "en").header("Accept-Encoding", "gzip, deflate, br")
					.timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
				HttpResponse<Void> head = this.http.send(HttpRequest.newBuilder(uri(instance, path))
					.header("Accept-Language", "en").header("Accept-Encoding", "gzip")
					.timeout(Duration.ofSeconds(60)).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
						HttpResponse.BodyHandlers.discarding());
				for (HttpResponse<?> each : List.of(answer, head)) {
					assertThat(each.statusCode()).isEqualTo(200);
					assertThat(each.headers().allValues("Content-Encoding")).containsExactly("gzip");
					assertThat(String.join(",", each.headers().allValues("Vary")).toLowerCase(Locale.ROOT)
						.split("accept-encoding", -1)).as("accept-encoding once in Vary").hasSize(2);
				}
				// Compressed by the page cache, which knows the length; Tomcat compressing would send it in chunks.
				assertThat(answer.headers().firstValueAsLong("Content-Length")).hasValue(answer.body().length);
				try (GZIPInputStream body = new GZIPInputStream(new ByteArrayInputStream(answer.body()))) {
					return new String(body.readAllBytes(), StandardCharsets.UTF_8);
				}
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}

		/** Whether a read of the page, now, is answered from the instance's memory. */
		boolean isServedFromMemory(ConfigurableApplicationContext instance, String path) {
			PageCacheFilter cache = (PageCacheFilter) instance.getBean("pageCacheFilter", FilterRegistrationBean.class)
				.getFilter();
			long before = cache.hits();
			HttpResponse<String> answer = get(instance, path);
			return answer.statusCode() == 200 && cache.hits() == before + 1;
		}

		private HttpResponse<String> exchange(HttpRequest.Builder request) {
			try {
				return this.http.send(request.timeout(Duration.ofSeconds(60)).build(),
						HttpResponse.BodyHandlers.ofString());
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}

		private static URI uri(ConfigurableApplicationContext instance, String path) {
			return URI.create("http://127.0.0.1:" + port(instance) + path);
		}

		private static String encode(String value) {
			return URLEncoder.encode(value, StandardCharsets.UTF_8);
		}

	}

	/** A clock the tests move; otherwise the system's. */
	static final class MovableClock extends Clock {

		private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

		void advance(Duration by) {
			this.offset.updateAndGet((current) -> current.plus(by));
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return Instant.now().plus(this.offset.get());
		}

	}

	/** Given to both instances as a source of beans, never found by component scanning (no annotation). */
	static class TheClock {

		@Bean
		@Primary
		Clock movableClock() {
			return CLOCK;
		}

	}

}
