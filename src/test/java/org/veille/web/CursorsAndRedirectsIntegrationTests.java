package org.veille.web;

import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

import org.veille.support.IntegrationTest;
import org.veille.support.RawHttp;
import org.veille.support.TestPeople;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page position ({@code ?before=}) is checked before it is used, on every route that takes one, canonical
 * redirects included; and a redirect's {@code Location} only ever holds URI characters. Through the real
 * server with hand-written requests, so that what is tested is the header as Tomcat sends it.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CursorsAndRedirectsIntegrationTests {

	/** What RFC 3986 allows in a URI reference, escapes included: nothing raw, no control, no space. */
	private static final Pattern URI_CHARACTERS = Pattern.compile("[A-Za-z0-9\\-._~:/?#\\[\\]@!$&'()*+,;=%]*");

	private static final String OVERLONG = "1".repeat(3_000) + "-" + "2".repeat(3_000);

	@LocalServerPort
	private int port;

	@Autowired
	private MockMvc mvc;

	private Map<String, String> names = Map.of();

	@BeforeAll
	void signSomeoneUp() throws Exception {
		String login = TestPeople.uniqueName("cursor");
		TestPeople.signUp(this.mvc, login);
		this.names = Map.of("{login}", login, "{LOGIN}", login.toUpperCase());
	}

	@ParameterizedTest(name = "{0} with before={1}")
	@CsvSource(delimiter = '|', textBlock = """
			/tag/SANTE            | %0d%0aSet-Cookie:%20owned=1
			/tag/SANTE            | %E2%80%AE
			/tag/SANTE            | a%20b%22%3C
			/tag/SANTE            | OVERLONG
			/tag/SANTE            | 1700000000000000-5&before=1700000000000000-6
			/tag/sante            | %E2%80%AE
			/tag/SANTE/feed       | %0d%0aX:%20y
			/tag/sante/feed       | %22%3Cscript%3E
			/sites/WWW.example.org      | %0d%0aX:%20y
			/sites/WWW.example.org      | %E2%80%AE
			/sites/example.org/Blog/    | a%20b%22%3C
			/people/{LOGIN}       | %0d%0aX:%20y
			/people/{LOGIN}/feed  | %E2%80%AE
			/people/{login}/only/feed   | 1-2&before=3-4
			/people/{login}       | OVERLONG
			/                     | %E2%80%AE
			/all                  | %0d%0aX:%20y
			/all/feed             | 1-2&before=3-4
			/search?q=climat&     | a%20b%22%3C
			/search?q=climat&     | OVERLONG
			""")
	void shouldRefuseAGarbledPagePositionWithTheBadRequestPage(String route, String before) throws Exception {
		String target = path(route) + (route.endsWith("&") ? "" : "?") + "before="
				+ ("OVERLONG".equals(before) ? OVERLONG : before);

		RawHttp.Answer answer = RawHttp.exchange(this.port,
				"GET " + target + " HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\nConnection: close\r\n\r\n");

		assertThat(answer.status()).as("GET %s", target).isEqualTo(400);
		assertThat(answer.header("Location")).isEmpty();
		assertThat(answer.header("Set-Cookie").orElse("")).doesNotContain("owned");
		assertThat(answer.bodyText()).contains("<h1>Bad request</h1>");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			/tag/SANTE?before=1700000000000000-5          | /tag/sante?before=1700000000000000-5
			/tag/SANTE?before=%201700000000000000-5%20    | /tag/sante?before=1700000000000000-5
			/tag/SANTE?before=%0d%0a                      | /tag/sante
			/tag/SANTE?before=%00                         | /tag/sante
			/tag/Sant%C3%A9/feed?before=1700000000000000-5 | /tag/sante/feed?before=1700000000000000-5
			/sites/WWW.Example.org?before=1700000000000000-5 | /sites/example.org?before=1700000000000000-5
			/people/{LOGIN}?before=1700000000000000-5     | /people/{login}?before=1700000000000000-5
			/people/{LOGIN}/feed?before=1700000000000000-5 | /people/{login}/feed?before=1700000000000000-5
			""")
	void shouldCarryAValidPagePositionToTheCanonicalAddressInUriCharacters(String target, String location)
			throws Exception {
		RawHttp.Answer answer = RawHttp.get(this.port, "localhost", path(target));

		assertThat(answer.status()).as("GET %s", target).isEqualTo(301);
		assertThat(answer.header("Location")).hasValueSatisfying((value) -> assertThat(value)
			.matches(URI_CHARACTERS)
			.isIn(path(location), "http://localhost" + path(location)));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(textBlock = """
			/all/feed?before=%00
			/tags?before=%00
			/all?before=%00%00
			""")
	void shouldReadAPagePositionOfOnlyCharactersXmlForbidsAsNoPosition(String target) throws Exception {
		// Every parameter loses the characters XML forbids before it is read (web.CleanParametersFilter).
		RawHttp.Answer answer = RawHttp.get(this.port, "localhost", target);

		assertThat(answer.status()).as("GET %s", target).isEqualTo(200);
	}

	@Test
	void shouldNeverWriteARawCharacterInARedirect() throws Exception {
		// A tag spelled with a bidi control and a space folds to a key of its own: its canonical path is escaped.
		RawHttp.Answer answer = RawHttp.get(this.port, "localhost", "/tag/%E2%80%AEAb%20c%22%3C?before=1-2");

		assertThat(answer.status()).isEqualTo(301);
		assertThat(answer.header("Location")).hasValueSatisfying((value) -> assertThat(value).matches(URI_CHARACTERS));
	}

	private String path(String route) {
		String path = route;
		for (Map.Entry<String, String> name : this.names.entrySet()) {
			path = path.replace(name.getKey(), name.getValue());
		}
		return path;
	}

}
