package org.veille.link;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.io.WireFeedInput;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import org.veille.link.fetch.LocalHttpServer;
import org.veille.outbound.AddressPolicy;
import org.veille.support.IntegrationTest;
import org.veille.support.Posting;
import org.veille.support.TestPeople;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The bookmarklet's title wins over the fetched one: a server fetching the page may be shown a
 * challenge page ("Just a moment…") that the person's browser got past.
 */
@IntegrationTest
class BookmarkletTitleIntegrationTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private FetchQueue queue;

	private LocalHttpServer server;

	private FetchWorkers pool;

	@BeforeEach
	void start() {
		this.server = LocalHttpServer.start();
		FetchProperties properties = FetchTesting.localProperties();
		this.pool = FetchTesting.pool(this.queue, FetchTesting.fetcher(properties, AddressPolicy.anyAddress(), Map.of()),
				properties);
		this.pool.start();
	}

	@AfterEach
	void stop() {
		this.pool.stop();
		this.server.close();
	}

	@Test
	void shouldShowTheTitleTheBookmarkletSentRatherThanAChallengePagesTitle() throws Exception {
		String login = TestPeople.uniqueName("marklet");
		MockHttpSession me = TestPeople.signUp(this.mvc, login);
		String path = "/" + login + "/guarded-article";
		this.server.content(path, "text/html; charset=utf-8",
				"<!doctype html><html><head><title>Just a moment...</title></head><body>Checking your browser</body></html>"
					.getBytes(StandardCharsets.UTF_8));
		String url = this.server.uri(path).toString();
		String form = this.mvc
			.perform(get("/post").session(me).param("title", "Les crues du Rhône en 1856").param("url", url))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(form).contains("name=\"pageTitle\" value=\"Les crues du Rhône en 1856\"");

		String location = this.mvc
			.perform(post("/post").session(me)
				.with(csrf())
				.param("text", "Les crues du Rhône en 1856\n" + url)
				.param("origin", "post")
				.param("pageTitle", "Les crues du Rhône en 1856")
				.param("pageUrl", url))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		await().atMost(Duration.ofSeconds(20)).until(() -> LinkRow.of(this.jdbc, url).status().equals("fetched"));

		String page = Posting.page(this.mvc, me, location);
		assertThat(page).contains("Les crues du Rhône en 1856").doesNotContain("Just a moment");
		Feed feed = (Feed) new WireFeedInput().build(new StringReader(
				this.mvc.perform(get("/people/" + login + "/feed")).andReturn().getResponse().getContentAsString()));
		Link related = feed.getEntries().get(0).getOtherLinks().stream()
			.filter((link) -> "related".equals(link.getRel()))
			.findFirst()
			.orElseThrow();
		assertThat(related.getTitle()).isEqualTo("Les crues du Rhône en 1856");
	}

	@Test
	void shouldKeepTheFetchedTitleWithoutABookmarkletTitle() throws Exception {
		String login = TestPeople.uniqueName("typed");
		MockHttpSession me = TestPeople.signUp(this.mvc, login);
		String path = "/" + login + "/plain-article";
		this.server.content(path, "text/html; charset=utf-8",
				"<!doctype html><html><head><title>Le titre de la page</title></head><body>Texte</body></html>"
					.getBytes(StandardCharsets.UTF_8));
		String url = this.server.uri(path).toString();

		long id = Posting.as(this.mvc, me, "Mon propre titre\n" + url);
		await().atMost(Duration.ofSeconds(20)).until(() -> LinkRow.of(this.jdbc, url).status().equals("fetched"));

		assertThat(Posting.page(this.mvc, me, "/messages/" + id)).contains("Le titre de la page");
	}

	@Test
	void shouldKeepEachMessagesOwnGivenTitle() throws Exception {
		String a = TestPeople.uniqueName("givena");
		String b = TestPeople.uniqueName("givenb");
		String c = TestPeople.uniqueName("givenc");
		MockHttpSession sessionA = TestPeople.signUp(this.mvc, a);
		MockHttpSession sessionB = TestPeople.signUp(this.mvc, b);
		MockHttpSession sessionC = TestPeople.signUp(this.mvc, c);
		String path = "/" + a + "/shared-article";
		this.server.content(path, "text/html; charset=utf-8",
				"<!doctype html><html><head><title>Le titre récupéré</title></head><body>Texte</body></html>"
					.getBytes(StandardCharsets.UTF_8));
		String url = this.server.uri(path).toString();

		String pageA = postWithTitle(sessionA, "Lu par A\n" + url, "Le titre vu par A", url);
		String pageB = postWithTitle(sessionB, "Lu par B\n" + url, "Le titre vu par B", url);
		long idC = Posting.as(this.mvc, sessionC, "Lu par C\n" + url);
		await().atMost(Duration.ofSeconds(20)).until(() -> LinkRow.of(this.jdbc, url).status().equals("fetched"));

		assertThat(Posting.page(this.mvc, sessionA, pageA)).contains("Le titre vu par A").doesNotContain("Le titre vu par B");
		assertThat(Posting.page(this.mvc, sessionB, pageB)).contains("Le titre vu par B").doesNotContain("Le titre vu par A");
		assertThat(Posting.page(this.mvc, sessionC, "/messages/" + idC)).contains("Le titre récupéré")
			.doesNotContain("Le titre vu par");
		assertThat(relatedTitle(a)).isEqualTo("Le titre vu par A");
		assertThat(relatedTitle(b)).isEqualTo("Le titre vu par B");
		assertThat(relatedTitle(c)).isEqualTo("Le titre récupéré");
	}

	private String postWithTitle(MockHttpSession session, String text, String title, String url) throws Exception {
		return this.mvc
			.perform(post("/post").session(session)
				.with(csrf())
				.param("text", text)
				.param("origin", "post")
				.param("pageTitle", title)
				.param("pageUrl", url))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
	}

	private String relatedTitle(String login) throws Exception {
		Feed feed = (Feed) new WireFeedInput().build(new StringReader(
				this.mvc.perform(get("/people/" + login + "/feed")).andReturn().getResponse().getContentAsString()));
		return feed.getEntries()
			.get(0)
			.getOtherLinks()
			.stream()
			.filter((link) -> "related".equals(link.getRel()))
			.findFirst()
			.orElseThrow()
			.getTitle();
	}

}
