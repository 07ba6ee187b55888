package org.veille.operations;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;

import org.veille.support.IntegrationTest;
import org.veille.support.TestPeople;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sessions live in PostgreSQL (Spring Session JDBC) and behave as they did in memory: none for a reader who is
 * signed out, a new id at sign-in, CSRF tokens kept in them, gone at sign-out; a cookie the store does not know
 * is a signed-out visitor, never an error.
 */
@IntegrationTest
class SessionsIntegrationTests {

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private SessionRepository<? extends Session> sessions;

	/**
	 * Two requests of one session at once, each adding the same attribute (two tabs asking for a CSRF token, say):
	 * each read the session before the other saved it, and both save it. The second must not fail.
	 */
	@Test
	void shouldSaveAnAttributeThatTwoRequestsOfOneSessionAddAtOnce() {
		assertThat(bothTabsAddOneAttribute(this.sessions)).isEqualTo("from the second tab");
	}

	/** What the session holds once both tabs have saved; each read it before the other saved. */
	private static <S extends Session> String bothTabsAddOneAttribute(SessionRepository<S> sessions) {
		S created = sessions.createSession();
		sessions.save(created);
		S first = sessions.findById(created.getId());
		S second = sessions.findById(created.getId());
		first.setAttribute("both", "from the first tab");
		second.setAttribute("both", "from the second tab");

		sessions.save(first);
		sessions.save(second);

		String saved = sessions.findById(created.getId()).getAttribute("both");
		sessions.deleteById(created.getId());
		return saved;
	}

	@Test
	void shouldStoreNoSessionForAReaderWhoIsSignedOut() {
		CookieClient author = new CookieClient();
		String login = TestPeople.uniqueName("read");
		author.signUp(this.port, login);
		String tag = TestPeople.uniqueName("lu");
		String thread = author.postMessage(this.port, "Lu sans session #" + tag).headers().firstValue("Location")
			.orElseThrow();
		long since = System.currentTimeMillis();

		CookieClient reader = new CookieClient();
		for (String path : new String[] { "/", "/all", "/tags", "/tag/" + tag, thread, "/people/" + login,
				"/search?q=session", "/tag/" + tag + "/feed", "/all/feed", "/messages/0" }) {
			HttpResponse<String> page = reader.get(this.port, path.replaceFirst("^https?://[^/]+", ""));
			assertThat(page.headers().allValues("Set-Cookie")).as(path)
				.noneSatisfy((cookie) -> assertThat(cookie).startsWith("SESSION="));
		}

		assertThat(this.jdbc.sql("select count(*) from http_sessions where creation_time >= ?").param(since)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void shouldGiveANewSessionIdAtSignInAndKeepThePersonInPostgreSQL() {
		String login = TestPeople.uniqueName("fixed");
		new CookieClient().signUp(this.port, login);
		CookieClient visitor = new CookieClient();
		String token = CookieClient.csrfOf(visitor.get(this.port, "/login").body());
		String before = visitor.cookie("SESSION").orElseThrow();

		HttpResponse<String> signedIn = visitor.post(this.port, "/login",
				Map.of("_csrf", token, "username", login, "password", TestPeople.PASSWORD));

		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(
				(location) -> assertThat(location).doesNotContain("/login"));
		String after = visitor.cookie("SESSION").orElseThrow();
		assertThat(after).isNotEqualTo(before);
		assertThat(principalOf(before)).as("the session before sign-in is gone").isEmpty();
		assertThat(principalOf(after)).hasValue(login);
		assertThat(visitor.get(this.port, "/settings").statusCode()).isEqualTo(200);
	}

	@Test
	void shouldWriteTheLastAccessOfASessionAtMostOnceAMinute() {
		CookieClient person = new CookieClient();
		person.signUp(this.port, TestPeople.uniqueName("touched"));
		String id = new String(Base64.getDecoder().decode(person.cookie("SESSION").orElseThrow()), StandardCharsets.UTF_8);
		long signedUp = lastAccessOf(id);

		assertThat(person.get(this.port, "/settings").statusCode()).isEqualTo(200);
		assertThat(person.get(this.port, "/alerts").statusCode()).isEqualTo(200);
		assertThat(lastAccessOf(id)).as("within the minute, no write").isEqualTo(signedUp);

		long twoMinutesEarlier = signedUp - 120_000;
		this.jdbc.sql("""
				update http_sessions set last_access_time = :time, expiry_time = :time + max_inactive_interval * 1000
				where session_id = :id
				""").param("time", twoMinutesEarlier).param("id", id).update();
		assertThat(person.get(this.port, "/settings").statusCode()).isEqualTo(200);
		assertThat(lastAccessOf(id)).as("a minute later, written").isGreaterThanOrEqualTo(signedUp);
	}

	private long lastAccessOf(String sessionId) {
		return this.jdbc.sql("select last_access_time from http_sessions where session_id = ?")
			.param(sessionId)
			.query(Long.class)
			.single();
	}

	@Test
	void shouldRefuseAFormWithoutTheSessionsToken() {
		CookieClient person = new CookieClient();
		person.signUp(this.port, TestPeople.uniqueName("forged"));
		String token = CookieClient.csrfOf(person.get(this.port, "/post").body());
		String othersToken = CookieClient.csrfOf(new CookieClient().get(this.port, "/login").body());

		HttpResponse<String> withoutToken = person.post(this.port, "/post", Map.of("text", "Sans jeton"));
		HttpResponse<String> withAnother = person.post(this.port, "/post", Map.of("_csrf", othersToken, "text", "Autre"));
		HttpResponse<String> withItsToken = person.post(this.port, "/post", Map.of("_csrf", token, "text", "Avec"));

		assertThat(withoutToken.statusCode()).isEqualTo(403);
		assertThat(withAnother.statusCode()).isEqualTo(403);
		assertThat(withItsToken.statusCode()).isEqualTo(302);
	}

	@ParameterizedTest
	@ValueSource(strings = { "x", "%%%", "AAAA", "////", "ZmFrZQ==", "not base64 at all" })
	void shouldRefuseATokenThatCannotBeReadWithA403(String token) {
		CookieClient person = new CookieClient();
		person.signUp(this.port, TestPeople.uniqueName("garbled"));

		HttpResponse<String> posted = person.post(this.port, "/post", Map.of("_csrf", token, "text", "Jeton illisible"));

		assertThat(posted.statusCode()).isEqualTo(403);
	}

	@Test
	void shouldDeleteTheSessionAtSignOut() {
		String login = TestPeople.uniqueName("leaving");
		CookieClient person = new CookieClient();
		person.signUp(this.port, login);
		String token = CookieClient.csrfOf(person.get(this.port, "/settings").body());

		HttpResponse<String> signedOut = person.post(this.port, "/logout", Map.of("_csrf", token));

		assertThat(signedOut.statusCode()).isEqualTo(302);
		assertThat(this.jdbc.sql("select count(*) from http_sessions where principal_name = ?").param(login)
			.query(Long.class)
			.single()).isZero();
		assertThat(person.get(this.port, "/settings").headers().firstValue("Location")).hasValueSatisfying(
				(location) -> assertThat(location).endsWith("/login"));
	}

	private Optional<String> principalOf(String cookie) {
		String id = new String(Base64.getDecoder().decode(cookie), StandardCharsets.UTF_8);
		return this.jdbc.sql("select coalesce(principal_name, '') from http_sessions where session_id = ?")
			.param(id)
			.query(String.class)
			.optional();
	}

	@Test
	void shouldTreatAnUnknownOrMalformedSessionCookieAsASignedOutVisitor() {
		String nul = Base64.getEncoder().encodeToString("\u0000abc".getBytes(StandardCharsets.UTF_8));
		String unknown = Base64.getEncoder().encodeToString(UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
		for (String cookie : new String[] { "SESSION=ZmFrZQ", "SESSION=%%%", "SESSION=" + "A".repeat(5000),
				"SESSION=" + nul, "SESSION=" + unknown, "SESSION=" + unknown + "; SESSION=" + nul }) {
			HttpResponse<String> home = Http.get(this.port, "/", "Cookie", cookie);
			HttpResponse<String> settings = Http.get(this.port, "/settings", "Cookie", cookie);

			assertThat(home.statusCode()).as(cookie).isEqualTo(200);
			assertThat(settings.statusCode()).as(cookie).isEqualTo(302);
		}
	}

	/**
	 * A session written by an older version whose attributes this one cannot read (a class changed between
	 * releases): the person is signed out, as if the session had expired, never shown an error.
	 */
	@Test
	void shouldSignOutASessionWhoseAttributesCannotBeRead() {
		String login = TestPeople.uniqueName("upgraded");
		CookieClient person = new CookieClient();
		person.signUp(this.port, login);
		String session = person.cookie("SESSION").orElseThrow();
		assertThat(person.get(this.port, "/settings").statusCode()).isEqualTo(200);

		this.jdbc.sql("""
				update http_sessions_attributes set attribute_bytes = '\\xaced0005730000'::bytea
				where session_primary_id = (select primary_id from http_sessions where session_id = :id)
				""").param("id", new String(Base64.getDecoder().decode(session), StandardCharsets.UTF_8)).update();
		HttpResponse<String> home = person.get(this.port, "/");
		HttpResponse<String> settings = person.get(this.port, "/settings");

		assertThat(home.statusCode()).isEqualTo(200);
		assertThat(home.body()).doesNotContain("Exception");
		assertThat(settings.statusCode()).isEqualTo(302);
	}

}
