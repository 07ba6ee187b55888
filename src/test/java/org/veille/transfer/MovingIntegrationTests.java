package org.veille.transfer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import org.veille.database.Timestamps;
import org.veille.support.IntegrationTest;
import org.veille.support.Posting;
import org.veille.support.Social;
import org.veille.support.TestPeople;
import org.veille.transfer.format.Bookmark;
import org.veille.transfer.format.BookmarkImport;
import org.veille.transfer.format.BookmarkSink;
import org.veille.transfer.format.ImportOptions;
import org.veille.transfer.format.SkippedBookmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

/**
 * Moving in and out (issue 6): bookmark files uploaded and imported with their dates, re-imports that
 * create nothing, bad files refused with nothing stored, and the three exports.
 */
@IntegrationTest
class MovingIntegrationTests {

	@Autowired
	private MockMvc mvc;

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcClient jdbc;

	@ParameterizedTest
	@ValueSource(strings = { "firefox.html", "pinboard.html", "shaarli.html", "shaarli-notes.html", "linkding.html",
			"chromium.html", "odd-windows-1252.html", "pinboard.json", "seenthis-messages.xml" })
	void shouldImportEveryEntryOfARealisticFileOnceEvenWhenImportedTwice(String fixture) throws Exception {
		String login = TestPeople.uniqueName("movein");
		MockHttpSession me = TestPeople.signUp(this.mvc, login);
		byte[] file = fixture(fixture);
		long expected = readable(file);

		long first = importFile(me, fixture, file, true);
		long second = importFile(me, fixture, file, true);

		assertThat(expected).isPositive();
		assertThat(count("select count(*) from imports where id = :id and created = :n and status = 'done'", first, expected))
			.as("first import of %s", fixture)
			.isEqualTo(1);
		assertThat(count("select count(*) from imports where id = :id and created = 0 and duplicates = :n", second, expected))
			.as("second import of %s", fixture)
			.isEqualTo(1);
		assertThat(messagesOf(login)).isEqualTo(expected);
		assertThat(Posting.page(this.mvc, me, "/settings/import/" + second)).contains("The import is done.");
	}

	@Test
	void shouldKeepDatesEntitiesAndFoldersAndQueueNoFetchWhenSkippingEnrichment() throws Exception {
		String login = TestPeople.uniqueName("dates");
		MockHttpSession me = TestPeople.signUp(this.mvc, login);

		importFile(me, "firefox.html", fixture("firefox.html"), true);

		Instant created = this.jdbc.sql("""
				select m.created_at from messages m join accounts a on a.id = m.author_id
				where a.login = :login and m.body like '%aquifers%'
				""").param("login", login).query((rs, row) -> Timestamps.read(rs, "created_at")).single();
		String body = this.jdbc.sql("""
				select m.body from messages m join accounts a on a.id = m.author_id
				where a.login = :login and m.body like '%aquifers%'
				""").param("login", login).query(String.class).single();
		assertThat(created).isEqualTo(Instant.ofEpochSecond(1699100000));
		assertThat(body).startsWith("State of the aquifers & the drought of '24\nhttps://water.example.org/reports/2024/aquifers")
			.contains("#Recherche");
		long jobs = this.jdbc.sql("""
				select count(*) from link_fetch_jobs j join links l on l.id = j.link_id
				where l.url like 'https://water.example.org/reports/2024/aquifers%'
				""").query(Long.class).single();
		assertThat(jobs).isZero();
	}

	@Test
	void shouldImportFiveThousandBookmarks() throws Exception {
		String login = TestPeople.uniqueName("many");
		MockHttpSession me = TestPeople.signUp(this.mvc, login);
		StringBuilder file = new StringBuilder("<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<TITLE>Bookmarks</TITLE>\n<DL><p>\n");
		for (int i = 0; i < 5_000; i++) {
			file.append("<DT><A HREF=\"https://many.example.org/").append(login).append('/').append(i)
				.append("\" ADD_DATE=\"").append(1_600_000_000L + i * 60L).append("\" TAGS=\"lot")
				.append(i % 7).append("\">Page ").append(i).append(" &amp; more</A>\n");
		}
		file.append("</DL><p>\n");

		// Enrichment skipped: 5,000 fetch jobs would be left for every later test's fetch workers to get through.
		importFile(me, "many.html", file.toString().getBytes(StandardCharsets.UTF_8), true);

		assertThat(messagesOf(login)).isEqualTo(5_000);
	}

	@ParameterizedTest
	@ValueSource(strings = { "truncated", "binary", "unknown", "empty" })
	void shouldRefuseABadFileWithAClearMessageAndStoreNothing(String kind) throws Exception {
		String login = TestPeople.uniqueName("bad");
		MockHttpSession me = TestPeople.signUp(this.mvc, login);
		String good = new String(fixture("firefox.html"), StandardCharsets.UTF_8);
		byte[] file = switch (kind) {
			case "truncated" -> good.substring(0, good.lastIndexOf("<DT><A") + 30).getBytes(StandardCharsets.UTF_8);
			case "binary" -> new byte[] { 'P', 'K', 3, 4, 0, 0, 0, 8, 0, 0, 1, 2, 3 };
			case "unknown" -> "Just some notes I kept,\nnot bookmarks at all.\n".getBytes(StandardCharsets.UTF_8);
			default -> new byte[0];
		};

		MockHttpServletResponse response = upload(me, "bad.html", file, false);

		assertThat(response.getStatus()).isIn(400, 422);
		assertThat(response.getContentAsString()).contains(kind.equals("empty") ? "Choose a file" : "nothing was stored");
		assertThat(messagesOf(login)).isZero();
		assertThat(this.jdbc.sql("select count(*) from imports i join accounts a on a.id = i.account_id where a.login = :l")
			.param("l", login)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void shouldRefuseAnUploadOverTheLimitWith413() throws Exception {
		String login = TestPeople.uniqueName("huge");
		MockHttpSession me = TestPeople.signUp(this.mvc, login);
		byte[] huge = new byte[25 * 1024 * 1024];
		Arrays.fill(huge, (byte) ' ');

		MockHttpServletResponse response = upload(me, "huge.html", huge, false);

		assertThat(response.getStatus()).isEqualTo(413);
		assertThat(response.getContentAsString()).contains("too large", "20 MB");
		assertThat(messagesOf(login)).isZero();
	}

	@Test
	void shouldAnswerA25MegabyteUploadOverRealHttpWithTheTooLargePage() throws Exception {
		String login = TestPeople.uniqueName("http413");
		byte[] filler = new byte[25 * 1024 * 1024];
		Arrays.fill(filler, (byte) ' ');

		HttpResponse<String> response = uploadOverHttp(login, "huge.html", filler);

		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.body()).contains("too large", "20 MB", "Nothing was stored");
		assertThat(messagesOf(login)).isZero();
	}

	@Test
	void shouldAcceptAnUploadOverRealHttpWithTheTokenOfItsForm() throws Exception {
		String login = TestPeople.uniqueName("http200");
		byte[] file = ("<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<DL><p>\n<DT><A HREF=\"https://example.org/over-http\" "
				+ "ADD_DATE=\"1700000000\" TAGS=\"http\">Sent over HTTP</A>\n</DL><p>\n").getBytes(StandardCharsets.UTF_8);

		HttpResponse<String> response = uploadOverHttp(login, "bookmarks.html", file);

		assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location")).hasValueSatisfying(
				(location) -> assertThat(location).contains("/settings/import"));
	}

	/** Signs up over real HTTP, then sends this file through the import form as a browser would. */
	private HttpResponse<String> uploadOverHttp(String login, String filename, byte[] content) throws Exception {
		HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		String site = "http://127.0.0.1:" + this.port;
		String signup = http.send(HttpRequest.newBuilder(URI.create(site + "/signup")).build(),
				HttpResponse.BodyHandlers.ofString()).body();
		String form = "_csrf=" + csrfOf(signup) + "&login=" + login + "&email=" + login + "%40example.org&password="
				+ URLEncoder.encode(TestPeople.PASSWORD, StandardCharsets.UTF_8);
		http.send(HttpRequest.newBuilder(URI.create(site + "/signup"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.discarding());
		String signIn = http.send(HttpRequest.newBuilder(URI.create(site + "/login")).build(),
				HttpResponse.BodyHandlers.ofString()).body();
		http.send(HttpRequest.newBuilder(URI.create(site + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("_csrf=" + csrfOf(signIn) + "&username=" + login + "&password="
					+ URLEncoder.encode(TestPeople.PASSWORD, StandardCharsets.UTF_8)))
			.build(), HttpResponse.BodyHandlers.discarding());
		String page = http.send(HttpRequest.newBuilder(URI.create(site + "/settings/import")).build(),
				HttpResponse.BodyHandlers.ofString()).body();
		Matcher action = Pattern.compile("action=\"(/settings/import\\?_csrf=[^\"]+)\"").matcher(page);
		assertThat(action.find()).as("the import form of %s", page).isTrue();
		String boundary = "veille-boundary-" + login;
		byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
				+ "\"\r\nContent-Type: text/html\r\n\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
		return http.send(HttpRequest.newBuilder(URI.create(site + action.group(1).replace("&amp;", "&")))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("Accept", "text/html")
			.POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(head, content, tail)))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String csrfOf(String html) {
		Matcher matcher = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
		assertThat(matcher.find()).isTrue();
		return matcher.group(1);
	}

	@ParameterizedTest
	@ValueSource(strings = { "html", "json", "xml" })
	void shouldExportMessagesRepliesAndSharesAsAnAttachment(String format) throws Exception {
		String login = TestPeople.uniqueName("moveout");
		MockHttpSession me = TestPeople.signUp(this.mvc, login);
		MockHttpSession other = TestPeople.signUp(this.mvc, TestPeople.uniqueName("shared"));
		long mine = Posting.as(this.mvc, me, "Mon fil exporté\nhttps://export.example.org/page #export");
		long theirs = Posting.as(this.mvc, other, "Un fil partagé par étoile");
		long reply = Posting.reply(this.mvc, me, theirs, "Ma réponse exportée");
		Social.star(this.mvc, me, theirs);

		MockHttpServletResponse response = this.mvc.perform(get("/settings/export/" + format).session(me))
			.andReturn()
			.getResponse();

		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getHeader("Content-Disposition")).startsWith("attachment").contains("." + format);
		String body = response.getContentAsString(StandardCharsets.UTF_8);
		assertThat(body).contains("Mon fil exporté", "Ma réponse exportée", "Un fil partagé par étoile");
		if (!format.equals("html")) {
			assertThat(body).contains(String.valueOf(mine), String.valueOf(reply));
		}
		if (format.equals("xml")) {
			MockHttpSession newcomer = TestPeople.signUp(this.mvc, TestPeople.uniqueName("newhome"));
			importFile(newcomer, "export.xml", body.getBytes(StandardCharsets.UTF_8), false);
		}
		assertThat(this.mvc.perform(get("/settings/export/pdf").session(me)).andReturn().getResponse().getStatus())
			.isEqualTo(404);
	}

	/** Uploads and waits for the import to end; returns its id. */
	private long importFile(MockHttpSession session, String name, byte[] file, boolean skipEnrichment) throws Exception {
		MockHttpServletResponse response = upload(session, name, file, skipEnrichment);
		assertThat(response.getRedirectedUrl()).as("import of %s: %s", name, response.getContentAsString())
			.startsWith("/settings/import/");
		long id = Long.parseLong(response.getRedirectedUrl().substring("/settings/import/".length()));
		await().atMost(Duration.ofSeconds(60))
			.until(() -> count("select count(*) from imports where id = :id and status <> 'running' and :n = :n", id, 0) == 1);
		assertThat(count("select count(*) from imports where id = :id and status = 'done' and :n = :n", id, 0)).isEqualTo(1);
		return id;
	}

	private MockHttpServletResponse upload(MockHttpSession session, String name, byte[] file, boolean skipEnrichment)
			throws Exception {
		return this.mvc
			.perform(multipart("/settings/import").file(new MockMultipartFile("file", name, "text/html", file))
				.param("includePrivate", "true")
				.param("skipEnrichment", String.valueOf(skipEnrichment))
				.session(session)
				.with(csrf().asHeader()))
			.andReturn()
			.getResponse();
	}

	private long count(String sql, long id, long n) {
		return this.jdbc.sql(sql).param("id", id).param("n", n).query(Long.class).single();
	}

	private long messagesOf(String login) {
		return this.jdbc.sql("select count(*) from messages m join accounts a on a.id = m.author_id where a.login = :login")
			.param("login", login)
			.query(Long.class)
			.single();
	}

	private static byte[] fixture(String name) throws IOException {
		try (InputStream in = MovingIntegrationTests.class.getResourceAsStream("/transfer/" + name)) {
			assertThat(in).as(name).isNotNull();
			return in.readAllBytes();
		}
	}

	/** How many entries the reader accepts in this file: what the import must store. */
	private static long readable(byte[] file) throws Exception {
		return BookmarkImport.read(new ByteArrayInputStream(file), ImportOptions.defaults(), new BookmarkSink() {
			@Override
			public void accept(Bookmark bookmark) {
			}

			@Override
			public void skip(SkippedBookmark skipped) {
			}
		}).bookmarks();
	}

}
