package org.veille.link;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Links that died (issue 15): a page the server says is gone, a name that no longer resolves, or a page failing
 * for 30 days is marked gone on its card, with a link to search an archived copy; a re-check through the fetch
 * queue notices pages that come back; a fetch still retrying says so, and when, to its poster; a person lists
 * their own messages citing dead links.
 */
@IntegrationTest
class DeadLinksIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(20);

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private FetchQueue queue;

	private final List<FetchWorkers> pools = new ArrayList<>();

	private LocalHttpServer server;

	private String unique;

	@BeforeEach
	void startServer() {
		this.server = LocalHttpServer.start();
		this.unique = TestPeople.uniqueName("dead").replace('_', '-');
	}

	@AfterEach
	void stopEverything() {
		this.pools.forEach(FetchWorkers::stop);
		this.server.close();
	}

	@ParameterizedTest(name = "HTTP {0}")
	@ValueSource(ints = { 404, 410 })
	void shouldMarkAPageTheServerSaysIsGoneAtOnceAndOfferAnArchivedCopy(int status) throws Exception {
		String path = "/" + this.unique + "/missing";
		this.server.status(path, status);
		String url = this.server.uri(path).toString();
		MockHttpSession poster = signUp();
		long thread = Posting.as(this.mvc, poster, "Une page disparue\n" + url);
		startPool();

		await().atMost(WAIT).until(() -> goneSince(url) != null);

		assertThat(LinkRow.of(this.jdbc, url).status()).isEqualTo("failed");
		assertThat(this.server.requestedPaths()).as("a final answer: no retry").containsOnlyOnce(path);
		assertThat(jobs(url)).isZero();
		Element card = linkCard(page("/messages/" + thread, null), url);
		assertThat(card.hasClass("link-gone")).isTrue();
		assertThat(card.select(".link-status").text()).contains("This page seems gone since");
		Element archive = card.selectFirst("a.archive-link");
		assertThat(archive.attr("href")).isEqualTo("https://web.archive.org/web/*/" + url);
		assertThat(archive.attr("rel")).isEqualTo("nofollow noopener noreferrer");
		assertThat(archive.text()).isEqualTo("Look for an archived copy");
		assertThat(linkCard(page("/messages/" + thread, "fr"), url).select(".link-status").text())
			.contains("Cette page semble avoir disparu depuis le");
	}

	@Test
	void shouldMarkAPageGoneWhenItsNameStopsResolving() throws Exception {
		String url = "http://" + this.unique + ".gone.test:" + this.server.port() + "/page";
		long thread = Posting.as(this.mvc, signUp(), "Un domaine abandonné\n" + url);
		lastAttemptNext(url);
		startPool();

		await().atMost(WAIT).until(() -> goneSince(url) != null);

		assertThat(LinkRow.of(this.jdbc, url).failureReason()).isEqualTo("DNS");
		assertThat(linkCard(page("/messages/" + thread, null), url).select("a.archive-link")).hasSize(1);
	}

	@Test
	void shouldCallAFailingPageGoneOnlyOnceItHasFailedForThirtyDays() throws Exception {
		String path = "/" + this.unique + "/broken";
		this.server.status(path, 500);
		String url = this.server.uri(path).toString();
		long thread = Posting.as(this.mvc, signUp(), "Un serveur en panne\n" + url);
		lastAttemptNext(url);
		startPool();
		await().atMost(WAIT).until(() -> LinkRow.of(this.jdbc, url).status().equals("failed"));

		assertThat(goneSince(url)).as("failing for minutes only").isNull();
		Element card = linkCard(page("/messages/" + thread, null), url);
		assertThat(card.select(".link-status").text()).contains("No preview.");
		assertThat(card.select("a.archive-link")).isEmpty();

		// A month of failed re-checks later, the next one fails too. The workers stop meanwhile: one claiming the
		// re-check before it is made the last attempt would count it as a first one, to be retried in a minute.
		this.pools.forEach(FetchWorkers::stop);
		long linkId = LinkRow.of(this.jdbc, url).id();
		this.jdbc.sql("""
				update links set failing_since = now() - interval '31 days', checked_at = now() - interval '8 days'
				where id = :id
				""").param("id", linkId).update();
		this.queue.enqueueDueRechecks(100_000);
		lastAttemptNext(url);
		startPool();

		await().atMost(WAIT).until(() -> goneSince(url) != null);
		assertThat(linkCard(page("/messages/" + thread, null), url).select("a.archive-link")).hasSize(1);
	}

	@Test
	void shouldRecheckDeadLinksThroughTheQueueAndNoticeThoseThatComeBack() throws Exception {
		String path = "/" + this.unique + "/back";
		this.server.status(path, 404);
		String url = this.server.uri(path).toString();
		long thread = Posting.as(this.mvc, signUp(), "Une page qui revient\n" + url);
		startPool();
		await().atMost(WAIT).until(() -> goneSince(url) != null);

		this.queue.enqueueDueRechecks(100_000);
		assertThat(jobs(url)).as("checked just now: not due").isZero();

		this.server.content(path, "text/html", "<title>De retour</title>".getBytes(StandardCharsets.UTF_8));
		this.jdbc.sql("update links set checked_at = now() - interval '8 days' where id = :id")
			.param("id", LinkRow.of(this.jdbc, url).id())
			.update();
		this.queue.enqueueDueRechecks(100_000);

		await().atMost(WAIT).until(() -> LinkRow.of(this.jdbc, url).status().equals("fetched"));
		assertThat(goneSince(url)).isNull();
		Element card = linkCard(page("/messages/" + thread, null), url);
		assertThat(card.select(".link-title").text()).isEqualTo("De retour");
		assertThat(card.select("a.archive-link")).isEmpty();
	}

	@Test
	void shouldTellThePosterWhenARetryingFetchTriesAgain() throws Exception {
		String path = "/" + this.unique + "/later";
		this.server.status(path, 503);
		String url = this.server.uri(path).toString();
		MockHttpSession poster = signUp();
		long thread = Posting.as(this.mvc, poster, "Un site surchargé\n" + url);
		startPool();
		await().atMost(WAIT).until(() -> "HTTP_STATUS".equals(LinkRow.of(this.jdbc, url).failureReason()));

		Element seenByPoster = linkCard(page("/messages/" + thread, poster), url);
		Element seenByOthers = linkCard(page("/messages/" + thread, null), url);

		assertThat(seenByPoster.select(".link-status").text()).contains("Preview not available yet (retrying).")
			.contains("Next attempt: in")
			.doesNotContain("Preview on its way");
		Instant next = Instant.parse(seenByPoster.selectFirst(".link-status time").attr("datetime"));
		assertThat(next).isAfter(Instant.now().plusSeconds(30)).isBefore(Instant.now().plusSeconds(120));
		assertThat(seenByOthers.select(".link-status").text()).contains("Preview not available yet (retrying).")
			.doesNotContain("Next attempt");
	}

	@Test
	void shouldListAPersonsMessagesCitingDeadLinksToThemOnly() throws Exception {
		String login = TestPeople.uniqueName("owner");
		MockHttpSession owner = TestPeople.signUp(this.mvc, login);
		String dead = "https://example.org/" + this.unique + "/dead";
		String alive = "https://example.org/" + this.unique + "/alive";
		long citing = Posting.as(this.mvc, owner, "Cite une page morte\n" + dead);
		long fine = Posting.as(this.mvc, owner, "Cite une page vivante\n" + alive);
		long elsewhere = Posting.as(this.mvc, TestPeople.signUp(this.mvc, TestPeople.uniqueName("other")),
				"Un autre fil");
		long reply = Posting.reply(this.mvc, owner, elsewhere, "Voir aussi " + dead);
		this.jdbc.sql("update links set fetch_status = 'failed', gone_since = now(), checked_at = now() where url = :url")
			.param("url", dead)
			.update();

		String list = page("/people/" + login + "/dead-links", owner);

		assertThat(Posting.cardIds(list)).containsExactly(reply, citing).doesNotContain(fine);
		assertThat(Jsoup.parse(list).select("h1").text()).isEqualTo("Your links that seem gone");
		assertThat(page("/people/" + login, owner)).contains("/people/" + login + "/dead-links");
		assertThat(page("/people/" + login, null)).doesNotContain("/dead-links");
		MockHttpSession stranger = signUp();
		this.mvc.perform(get("/people/" + login + "/dead-links").session(stranger)).andExpect(status().isForbidden());
		this.mvc.perform(get("/people/" + login + "/dead-links")).andExpect(status().is3xxRedirection());
		this.mvc.perform(get("/people/nobody-" + this.unique + "/dead-links").session(stranger))
			.andExpect(status().isNotFound());
	}

	private void startPool() {
		FetchProperties properties = FetchTesting.localProperties();
		FetchWorkers pool = FetchTesting.pool(this.queue,
				FetchTesting.fetcher(properties, AddressPolicy.anyAddress(), Map.of()), properties);
		this.pools.add(pool);
		pool.start();
	}

	/** The link's job has had every attempt but the last: its next failure is final. */
	private void lastAttemptNext(String url) {
		this.jdbc.sql("update link_fetch_jobs set attempts = :attempts, not_before = now() where link_id = :id")
			.param("attempts", FetchTesting.localProperties().maxAttempts() - 1)
			.param("id", LinkRow.of(this.jdbc, url).id())
			.update();
	}

	private Instant goneSince(String url) {
		return this.jdbc.sql("select gone_since from links where id = :id")
			.param("id", LinkRow.of(this.jdbc, url).id())
			.query(Timestamp.class)
			.optional()
			.map(Timestamp::toInstant)
			.orElse(null);
	}

	private int jobs(String url) {
		return this.jdbc.sql("select count(*) from link_fetch_jobs where link_id = :id")
			.param("id", LinkRow.of(this.jdbc, url).id())
			.query(Integer.class)
			.single();
	}

	private String page(String path, Object sessionOrLanguage) throws Exception {
		var request = get(path);
		if (sessionOrLanguage instanceof MockHttpSession session) {
			request = request.session(session);
		}
		else if (sessionOrLanguage instanceof String language) {
			request = request.header("Accept-Language", language);
		}
		return this.mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	private static Element linkCard(String html, String url) {
		Element title = Jsoup.parse(html).selectFirst(".link-card a.link-title[href=\"" + url + "\"]");
		assertThat(title).as("the card of %s", url).isNotNull();
		return title.closest(".link-card");
	}

	private MockHttpSession signUp() throws Exception {
		return TestPeople.signUp(this.mvc, TestPeople.uniqueName("deadlinks"));
	}

}
