package org.veille.link;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
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

/**
 * A pool that stops while a fetch is still waiting for its site gives the job back at once, its attempt not
 * counted, rather than leaving it reserved until its lease runs out: another instance takes it right away.
 */
@IntegrationTest
class GiveBackAtStopIntegrationTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private FetchQueue queue;

	private final LocalHttpServer server = LocalHttpServer.start();

	private final CountDownLatch siteAnswers = new CountDownLatch(1);

	@AfterEach
	void stopServer() {
		this.siteAnswers.countDown();
		this.server.close();
	}

	@Test
	void shouldGiveTheJobBackWhenStoppingWhileFetching() throws Exception {
		String path = "/" + TestPeople.uniqueName("slow") + "/page";
		this.server.route(path, (exchange) -> {
			awaitQuietly(this.siteAnswers);
			exchange.sendResponseHeaders(500, -1);
			exchange.close();
		});
		String url = this.server.uri(path).toString();
		FetchProperties properties = FetchTesting.properties(Duration.ofSeconds(20));
		FetchWorkers pool = FetchTesting.pool(this.queue,
				FetchTesting.fetcher(properties, AddressPolicy.anyAddress(), Map.of()), properties);
		MockHttpSession poster = TestPeople.signUp(this.mvc, TestPeople.uniqueName("stopper"));
		pool.start();
		try {
			Posting.as(this.mvc, poster, "Un site lent\n" + url);
			await().atMost(Duration.ofSeconds(20)).until(() -> this.server.requestedPaths().contains(path));
		}
		finally {
			pool.stop();
		}

		Map<String, Object> job = this.jdbc.sql("""
				select j.claimed_until is null as free, j.claimed_by is null as unowned, j.attempts,
				       j.not_before <= now() as due
				from link_fetch_jobs j join links l on l.id = j.link_id where l.url = ?
				""").param(url).query().singleRow();
		assertThat(job).containsEntry("free", true)
			.containsEntry("unowned", true)
			.containsEntry("attempts", 0)
			.containsEntry("due", true);
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
