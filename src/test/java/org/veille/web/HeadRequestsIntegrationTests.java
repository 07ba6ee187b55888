package org.veille.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import org.veille.support.IntegrationTest;
import org.veille.support.Posting;
import org.veille.support.TestPeople;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every public GET route answers HEAD as it answers GET (DESIGN §8): the same status and the same headers
 * a link checker or a feed reader looks at, without a body. Through the real server, signed out, as such
 * clients come; each HEAD is asked once before the GET (rendered afresh) and once after (from the page cache).
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HeadRequestsIntegrationTests {

	private static final List<String> COMPARED = List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.ETAG,
			HttpHeaders.LAST_MODIFIED, HttpHeaders.CACHE_CONTROL, HttpHeaders.LOCATION);

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcClient jdbc;

	private Map<String, String> names = Map.of();

	@BeforeAll
	void postWhatTheRoutesShow() throws Exception {
		String login = TestPeople.uniqueName("head");
		String tag = login.replace("_", "");
		String host = tag + ".example.org";
		MockHttpSession session = TestPeople.signUp(this.mvc, login);
		long thread = Posting.as(this.mvc, session, "Probed with HEAD #" + tag + "\nhttps://" + host + "/article");
		long reply = Posting.reply(this.mvc, session, thread, "A reply #" + tag);
		this.names = Map.of("{login}", login, "{tag}", tag, "{TAG}", tag.toUpperCase(), "{host}", host, "{thread}",
				Long.toString(thread), "{reply}", Long.toString(reply), "{thumbnail}", Long.toString(thumbnail(tag)));
	}

	@ParameterizedTest(name = "HEAD {0}")
	@ValueSource(strings = { "/", "/all", "/tags", "/tag/{tag}", "/tag/{tag}$", "/tag/{tag}*", "/tag/{TAG}",
			"/tag/{tag}/feed", "/all/feed", "/messages/{thread}", "/messages/{reply}", "/messages/{thread}/feed",
			"/people/{login}", "/people/{login}/only", "/people/{login}/feed", "/people/{login}/only/feed",
			"/sites/{host}", "/sites/{host}/feed", "/search?q={tag}", "/search/feed?q={tag}", "/login", "/signup",
			"/thumbnails/{thumbnail}", "/css/veille.css", "/js/veille.js", "/favicon.svg",
			"/api/people/{login}/messages", "/no/such/page", "/messages/999999999999" })
	void shouldAnswerHeadAsGetWithoutABody(String route) throws Exception {
		URI uri = URI.create("http://localhost:" + this.port + path(route));

		HttpResponse<byte[]> headFirst = send("HEAD", uri);
		HttpResponse<byte[]> get = send("GET", uri);
		HttpResponse<byte[]> headAgain = send("HEAD", uri);

		assertThat(get.statusCode()).as("GET %s", route).isLessThan(500);
		for (HttpResponse<byte[]> head : List.of(headFirst, headAgain)) {
			assertThat(head.statusCode()).as("status of HEAD %s", route).isEqualTo(get.statusCode());
			for (String name : COMPARED) {
				assertThat(head.headers().firstValue(name)).as("%s of HEAD %s", name, route)
					.isEqualTo(get.headers().firstValue(name));
			}
			assertThat(head.body()).as("body of HEAD %s", route).isEmpty();
		}
	}

	private HttpResponse<byte[]> send(String method, URI uri) throws Exception {
		return this.http.send(HttpRequest.newBuilder(uri)
			.method(method, HttpRequest.BodyPublishers.noBody())
			.header(HttpHeaders.ACCEPT, "text/html,application/xhtml+xml,*/*;q=0.8")
			.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	private String path(String route) {
		String path = route;
		for (Map.Entry<String, String> name : this.names.entrySet()) {
			path = path.replace(name.getKey(), name.getValue());
		}
		return path;
	}

	/** A stored thumbnail of its own, as the fetcher would have made it. */
	private long thumbnail(String seed) throws Exception {
		byte[] bytes = ("not really a PNG " + seed + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
		return this.jdbc.sql("""
				insert into thumbnails (sha256, content_type, width, height, bytes)
				values (:sha256, 'image/png', 1, 1, :bytes) returning id
				""")
			.param("sha256", MessageDigest.getInstance("SHA-256").digest(bytes))
			.param("bytes", bytes)
			.query(Long.class)
			.single();
	}

}
