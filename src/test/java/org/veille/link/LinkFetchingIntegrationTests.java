package org.veille.link;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import org.veille.link.fetch.FailureReason;
import org.veille.link.fetch.FetchOutcome.Failed;
import org.veille.link.fetch.LocalHttpServer;
import org.veille.outbound.AddressPolicy;
import org.veille.support.IntegrationTest;
import org.veille.support.Posting;
import org.veille.support.TestPeople;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The acceptance of the fetch queue: posting never waits, two pools on one database fetch each URL once, a job
 * abandoned mid-fetch is claimed again after its lease, failures are retried with backoff and recorded.
 */
@IntegrationTest
class LinkFetchingIntegrationTests {

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
		this.unique = TestPeople.uniqueName("f").replace('_', '-');
	}

	@AfterEach
	void stopEverything() {
		this.pools.forEach(FetchWorkers::stop);
		this.server.close();
	}

	@Test
	void shouldStoreAndShowThePostAtOnceAndFillTheCardInLater() throws Exception {
		CountDownLatch received = new CountDownLatch(1);
		CountDownLatch answer = new CountDownLatch(1);
		String path = "/" + this.unique + "/slow";
		this.server.route(path, (exchange) -> {
			received.countDown();
			try {
				// Answers in 10 s, unless the test lets it answer sooner.
				answer.await(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			byte[] page = "<html><head><title>Worth the wait</title></head></html>".getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
			exchange.sendResponseHeaders(200, page.length);
			exchange.getResponseBody().write(page);
			exchange.close();
		});
		startPool(FetchTesting.properties(Duration.ofSeconds(15)));
		String url = this.server.uri(path).toString();

		long id = Posting.as(this.mvc, signUp(), "A slow page\n" + url);

		assertThat(received.await(WAIT.toSeconds(), TimeUnit.SECONDS)).as("the worker is fetching").isTrue();
		this.mvc.perform(get("/messages/" + id))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("A slow page")))
			.andExpect(content().string(containsString("link-pending")))
			.andExpect(content().string(not(containsString("Worth the wait"))));
		answer.countDown();
		await().atMost(WAIT).untilAsserted(() -> this.mvc.perform(get("/messages/" + id))
			.andExpect(content().string(containsString("Worth the wait"))));
		assertThat(link(url).status()).isEqualTo("fetched");
	}

	@Test
	void shouldFetchEachUrlOnceWithTwoPoolsOnOneDatabase() throws Exception {
		List<String> urls = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			String path = "/" + this.unique + "/page-" + i;
			this.server.content(path, "text/html", ("<title>Page " + i + "</title>").getBytes(StandardCharsets.UTF_8));
			urls.add(this.server.uri(path).toString());
		}
		MockHttpSession session = signUp();
		Posting.as(this.mvc, session, "First half\n" + String.join("\n", urls.subList(0, 15)));
		Posting.as(this.mvc, session, "Second half\n" + String.join("\n", urls.subList(15, 30)));

		FetchProperties properties = FetchTesting.localProperties();
		startPool(properties);
		startPool(properties);

		await().atMost(WAIT).until(() -> urls.stream().allMatch((url) -> link(url).status().equals("fetched")));
		List<String> ours = this.server.requestedPaths().stream().filter((p) -> p.startsWith("/" + this.unique)).toList();
		assertThat(ours).hasSize(30).doesNotHaveDuplicates();
		assertThat(link(urls.get(7)).title()).isEqualTo("Page 7");
	}

	@Test
	void shouldMakeTheCitingThreadFoundByThePageTitleOnceFetched() throws Exception {
		String titleWord = this.unique.replace("-", "") + "titre";
		String path = "/" + this.unique + "/titled";
		this.server.content(path, "text/html",
				("<title>Le titre " + titleWord + "</title>").getBytes(StandardCharsets.UTF_8));
		String url = this.server.uri(path).toString();
		long thread = Posting.as(this.mvc, signUp(), "Sans commentaire\n" + url);
		assertThat(searched(titleWord)).isEmpty();

		startPool(FetchTesting.localProperties());

		await().atMost(WAIT).until(() -> link(url).status().equals("fetched"));
		assertThat(searched(titleWord)).containsExactly(thread);
	}

	@Test
	void shouldClaimAgainAJobWhoseWorkerDiedAfterItsLease() throws Exception {
		String path = "/" + this.unique + "/abandoned";
		this.server.content(path, "text/html", "<title>Claimed again</title>".getBytes(StandardCharsets.UTF_8));
		String url = this.server.uri(path).toString();
		Posting.as(this.mvc, signUp(), "Abandoned\n" + url);
		long linkId = link(url).id();

		// An instance claims the job, then dies without a word; its lease runs out.
		FetchJob abandoned = claimJobOf(linkId, Duration.ofSeconds(30));
		startPool(FetchTesting.localProperties());
		this.jdbc.sql("update link_fetch_jobs set claimed_until = now() where link_id = :id").param("id", linkId)
			.update();

		await().atMost(WAIT).until(() -> link(url).status().equals("fetched"));
		assertThat(link(url).title()).isEqualTo("Claimed again");
		assertThat(this.server.requestedPaths()).containsOnlyOnce(path);
		// Had the first instance come back, its result would no longer count.
		assertThat(this.queue.fail(abandoned, new Failed(FailureReason.TIMEOUT, "late"), null)).isFalse();
		assertThat(link(url).status()).isEqualTo("fetched");
	}

	@Test
	void shouldRetryATransientFailureAfterABackoffAndRecordTheReason() throws Exception {
		String path = "/" + this.unique + "/flaky";
		this.server.status(path, 503);
		String url = this.server.uri(path).toString();
		MockHttpSession poster = signUp();
		long id = Posting.as(this.mvc, poster, "Flaky\n" + url);
		long linkId = link(url).id();
		startPool(FetchTesting.localProperties());

		await().atMost(WAIT).until(() -> "HTTP_STATUS".equals(link(url).failureReason()));
		assertThat(link(url).status()).isEqualTo("pending");
		this.mvc.perform(get("/messages/" + id).session(poster))
			.andExpect(content().string(containsString("Last attempt: The site answered with an error.")))
			.andExpect(content().string(containsString("503")));
		assertThat(this.jdbc.sql("""
				select not_before > now() + interval '50 seconds' from link_fetch_jobs where link_id = :id
				""").param("id", linkId).query(Boolean.class).single()).as("retried after a minute").isTrue();

		// The minute passes; the site is back.
		this.server.content(path, "text/html", "<title>Back</title>".getBytes(StandardCharsets.UTF_8));
		this.jdbc.sql("update link_fetch_jobs set not_before = now() where link_id = :id").param("id", linkId).update();
		await().atMost(WAIT).until(() -> link(url).status().equals("fetched"));
		assertThat(link(url).title()).isEqualTo("Back");
		assertThat(link(url).failureReason()).isNull();
	}

	@Test
	void shouldGiveUpAfterTheLastAttemptAndTellThePosterWhy() throws Exception {
		String path = "/" + this.unique + "/gone";
		this.server.status(path, 500);
		String url = this.server.uri(path).toString();
		MockHttpSession poster = signUp();
		long id = Posting.as(this.mvc, poster, "Gone\n" + url);
		long linkId = link(url).id();
		FetchProperties properties = FetchTesting.localProperties();
		this.jdbc.sql("update link_fetch_jobs set attempts = :attempts where link_id = :id")
			.param("attempts", properties.maxAttempts() - 1)
			.param("id", linkId)
			.update();
		startPool(properties);

		await().atMost(WAIT).until(() -> link(url).status().equals("failed"));
		assertThat(this.jdbc.sql("select count(*) from link_fetch_jobs where link_id = :id").param("id", linkId)
			.query(Integer.class).single()).isZero();
		this.mvc.perform(get("/messages/" + id).session(poster))
			.andExpect(content().string(containsString("link-failed")))
			.andExpect(content().string(containsString("The site answered with an error.")))
			.andExpect(content().string(containsString("500")));
		this.mvc.perform(get("/messages/" + id))
			.andExpect(content().string(containsString("No preview.")))
			.andExpect(content().string(not(containsString("The site answered with an error."))));
	}

	@Test
	void shouldDoubleTheDelayBetweenAttempts() {
		FetchWorker worker = new FetchWorker(this.queue, FetchTesting.fetcher(FetchProperties.defaults(),
				AddressPolicy.publicInternetOnly(), Map.of()), FetchProperties.defaults());

		assertThat(worker.retryDelay(1)).isEqualTo(Duration.ofMinutes(1));
		assertThat(worker.retryDelay(2)).isEqualTo(Duration.ofMinutes(2));
		assertThat(worker.retryDelay(4)).isEqualTo(Duration.ofMinutes(8));
		assertThat(worker.retryDelay(30)).isEqualTo(Duration.ofDays(1));
	}

	@Test
	void shouldQueueLinksCheckedLongAgoForAPeriodicRefetch() throws Exception {
		String path = "/" + this.unique + "/old";
		this.server.content(path, "text/html", "<title>Old news</title>".getBytes(StandardCharsets.UTF_8));
		String url = this.server.uri(path).toString();
		Posting.as(this.mvc, signUp(), "Old\n" + url);
		startPool(FetchTesting.localProperties());
		await().atMost(WAIT).until(() -> link(url).status().equals("fetched"));
		this.pools.forEach(FetchWorkers::stop);
		long linkId = link(url).id();
		this.jdbc.sql("update links set checked_at = now() - interval '40 days' where id = :id").param("id", linkId)
			.update();

		this.queue.enqueueStale(Duration.ofDays(30), 100_000);

		assertThat(this.jdbc.sql("select count(*) from link_fetch_jobs where link_id = :id").param("id", linkId)
			.query(Integer.class).single()).isEqualTo(1);
	}

	private FetchJob claimJobOf(long linkId, Duration lease) {
		// Other tests' jobs may be due too: claimed here, they are free again once the lease runs out.
		for (int i = 0; i < 10_000; i++) {
			Optional<FetchJob> job = this.queue.claim(lease);
			assertThat(job).as("the job of link %s is due", linkId).isPresent();
			if (job.get().linkId() == linkId) {
				return job.get();
			}
		}
		throw new AssertionError("The job of link " + linkId + " was never claimed");
	}

	private void startPool(FetchProperties properties) {
		FetchWorkers pool = FetchTesting.pool(this.queue,
				FetchTesting.fetcher(properties, AddressPolicy.anyAddress(), Map.of()), properties);
		this.pools.add(pool);
		pool.start();
	}

	private List<Long> searched(String query) throws Exception {
		return Posting.cardIds(this.mvc.perform(get("/search").param("q", query))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	private MockHttpSession signUp() throws Exception {
		return TestPeople.signUp(this.mvc, TestPeople.uniqueName("fetch"));
	}

	private LinkRow link(String url) {
		return LinkRow.of(this.jdbc, url);
	}

}
