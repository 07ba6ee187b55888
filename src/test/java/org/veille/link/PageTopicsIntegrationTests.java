package org.veille.link;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
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
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Topic tags from the pages (issue 15): the keywords a fetched page declares are stored on its link, shown on the
 * card as the page's topics (never the thread's tags: no tag page, no feed category), and offered to the poster
 * while typing and on the edit form. Nothing becomes a tag unless a person types it.
 */
@IntegrationTest
class PageTopicsIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(20);

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private FetchQueue queue;

	private LocalHttpServer server;

	private FetchWorkers pool;

	private String u;

	@BeforeEach
	void start() {
		this.server = LocalHttpServer.start();
		this.u = TestPeople.uniqueName("topic");
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
	void shouldShowAPagesTopicsOnItsCardWithoutMakingThemTheThreadsTags() throws Exception {
		String path = "/" + this.u + "/article";
		this.server.content(path, "text/html; charset=utf-8", ("""
				<!doctype html><html><head><title>Les forêts</title>
				<meta property="article:tag" content="Forêts %1$s">
				<meta name="news_keywords" content="Climat_%1$s, Santé_%1$s">
				</head><body>Texte</body></html>""").formatted(this.u).getBytes(StandardCharsets.UTF_8));
		String url = this.server.uri(path).toString();
		long thread = Posting.as(this.mvc, TestPeople.signUp(this.mvc, this.u), "À lire\n" + url + "\n\n#Climat_" + this.u);

		await().atMost(WAIT).until(() -> LinkRow.of(this.jdbc, url).status().equals("fetched"));

		assertThat(topicsOf(url)).containsExactly("Forêts_" + this.u, "Climat_" + this.u, "Santé_" + this.u);
		Element topics = Jsoup.parse(page("/messages/" + thread)).selectFirst(".link-card .link-topics");
		assertThat(topics.text()).isEqualTo("The page's topics: #Forêts_" + this.u + " #Santé_" + this.u);
		assertThat(topics.select("a").eachAttr("href")).containsExactly("/tag/forets_" + this.u, "/tag/sante_" + this.u);
		assertThat(topics.select("a[rel=tag]")).as("not the thread's tags").isEmpty();
		this.mvc.perform(get("/tag/forets_" + this.u)).andExpect(status().isNotFound());
		assertThat(page("/tag/climat_" + this.u + "/feed")).contains("climat_" + this.u).doesNotContain("forets_" + this.u);
		assertThat(Jsoup.parse(page("/tag/climat_" + this.u)).select(".link-topics").text())
			.as("on lists too").contains("#Forêts_" + this.u);
	}

	@Test
	void shouldOfferTheTopicsOfCitedPagesWhileTypingExceptTheTagsAlreadyTyped() throws Exception {
		MockHttpSession me = TestPeople.signUp(this.mvc, this.u);
		String url = "https://example.org/" + this.u + "/page";
		Posting.as(this.mvc, me, "Déjà cité\n" + url + "\n\n#SANTÉ_" + this.u.toUpperCase());
		givenTopics(url, "Santé_" + this.u, "Énergie_" + this.u, "Océans_" + this.u);

		this.mvc.perform(post("/post/preview").session(me)
			.with(csrf())
			.param("text", "Nouveau\n" + url + "?utm_source=x\n\n#énergie_" + this.u))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.links[0].topics", hasSize(2)))
			.andExpect(jsonPath("$.links[0].topics[0].display").value("SANTÉ_" + this.u.toUpperCase()))
			.andExpect(jsonPath("$.links[0].topics[0].path").value("/tag/sante_" + this.u))
			.andExpect(jsonPath("$.links[0].topics[1].display").value("Océans_" + this.u));
		this.mvc.perform(post("/post/preview").session(me).with(csrf()).param("text", "Sans lien"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.links", hasSize(0)));
	}

	@Test
	void shouldOfferTheTopicsOnTheEditFormAsTextWithoutScript() throws Exception {
		MockHttpSession me = TestPeople.signUp(this.mvc, this.u);
		String url = "https://example.org/" + this.u + "/edit";
		long thread = Posting.as(this.mvc, me, "À modifier\n" + url + "\n\n#Océans_" + this.u);
		givenTopics(url, "Océans_" + this.u, "Marées_" + this.u);

		Document form = Jsoup.parse(this.mvc.perform(get("/messages/" + thread + "/edit").session(me))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());

		Element offered = form.selectFirst(".topic-suggestions");
		assertThat(offered.text()).contains("#Marées_" + this.u).doesNotContain("#Océans_" + this.u);
		assertThat(offered.select("[data-topic]").eachAttr("data-topic")).containsExactly("Marées_" + this.u);
		assertThat(form.select("#text").text()).as("nothing added by itself").doesNotContain("Marées");
	}

	/** What a fetch of the page would have stored. */
	private void givenTopics(String url, String... topics) {
		this.jdbc.sql("update links set fetch_status = 'fetched', checked_at = now(), topics = :topics where id = :id")
			.param("topics", topics)
			.param("id", LinkRow.of(this.jdbc, url).id())
			.update();
	}

	private List<String> topicsOf(String url) {
		return this.jdbc.sql("select unnest(topics) from links where id = :id")
			.param("id", LinkRow.of(this.jdbc, url).id())
			.query(String.class)
			.list();
	}

	private String page(String path) throws Exception {
		return this.mvc.perform(get(path).header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

}
