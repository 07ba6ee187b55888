package org.veille.operations;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import org.veille.support.IntegrationTest;
import org.veille.support.Posting;
import org.veille.support.TestPeople;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Each application metric is listed by /actuator/prometheus on the management port, and moves with the action
 * it counts.
 */
@IntegrationTest
class MetricsIntegrationTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcClient jdbc;

	@LocalManagementPort
	private int managementPort;

	@LocalServerPort
	private int port;

	@Test
	void shouldCountThreadsAndRepliesPosted() throws Exception {
		MockHttpSession session = TestPeople.signUp(this.mvc, TestPeople.uniqueName("counted"));
		Scrape before = scrape();

		long thread = Posting.as(this.mvc, session, "Compté une fois #" + TestPeople.uniqueName("metrics"));
		Posting.reply(this.mvc, session, thread, "Et une réponse");
		Posting.reply(this.mvc, session, thread, "Et une autre");

		Scrape after = scrape();
		String posted = "veille_messages_posted_total";
		assertThat(after.value(posted, "kind", "thread") - before.value(posted, "kind", "thread")).isEqualTo(1);
		assertThat(after.value(posted, "kind", "reply") - before.value(posted, "kind", "reply")).isEqualTo(2);
	}

	@Test
	void shouldCountTheLinksWaitingForAFetch() throws Exception {
		MockHttpSession session = TestPeople.signUp(this.mvc, TestPeople.uniqueName("queued"));
		String run = TestPeople.uniqueName("q");
		Scrape before = scrape();

		Posting.as(this.mvc, session, "Deux liens\nhttps://example.org/" + run + "/a https://example.org/" + run + "/b");

		// A scrape reads the queue once for both gauges, and reuses that read for a fraction of a second. Other
		// tests' jobs may fall due meanwhile (the queue is shared): the gauge grows by at least this post's two.
		await().atMost(Duration.ofSeconds(5))
			.until(() -> scrape().value("veille_fetch_queue_due") - before.value("veille_fetch_queue_due") >= 2);
		assertThat(this.jdbc.sql("select count(*) from link_fetch_jobs j join links l on l.id = j.link_id where l.url like :run")
			.param("run", "%/" + run + "/%")
			.query(Long.class)
			.single()).as("this post's jobs").isEqualTo(2);
		Scrape after = scrape();
		assertThat(after.value("veille_fetch_queue_oldest_age_seconds")).isNotNegative();
		assertThat(after.has("veille_websub_queue_due")).isTrue();
		assertThat(after.has("veille_websub_queue_oldest_age_seconds")).isTrue();
		assertThat(after.has("veille_mail_outbox_due")).isTrue();
		assertThat(after.has("veille_mail_outbox_oldest_age_seconds")).isTrue();
	}

	@Test
	void shouldCountPagesServedFromMemoryAndRendered() throws Exception {
		MockHttpSession session = TestPeople.signUp(this.mvc, TestPeople.uniqueName("cached"));
		String tag = TestPeople.uniqueName("kept");
		Posting.as(this.mvc, session, "Lue deux fois #" + tag);
		String requests = "veille_page_cache_requests_total";
		Scrape before = scrape();
		AtomicInteger reads = new AtomicInteger();

		// Read until a read is served from memory (the post's own announcement may drop the first copy kept).
		await().atMost(Duration.ofSeconds(10)).until(() -> {
			this.mvc.perform(get("/tag/" + tag)).andExpect(status().isOk());
			reads.incrementAndGet();
			return scrape().value(requests, "result", "hit") > before.value(requests, "result", "hit");
		});

		Scrape after = scrape();
		double misses = after.value(requests, "result", "miss") - before.value(requests, "result", "miss");
		double hits = after.value(requests, "result", "hit") - before.value(requests, "result", "hit");
		assertThat(misses).isPositive();
		assertThat(hits).isEqualTo(1);
		assertThat(misses + hits).isEqualTo(reads.get());
		assertThat(after.value("veille_page_cache_hit_ratio")).isBetween(0.0, 1.0).isPositive();
		assertThat(after.value("veille_page_cache_size")).isPositive();
		assertThat(after.value("veille_page_cache_weight_bytes")).isPositive();
		assertThat(after.has("veille_page_cache_evictions_total")).isTrue();
		assertThat(after.has("veille_page_concurrency_waiting")).isTrue();
	}

	@Test
	void shouldCountSignInsRefusedByTheThrottle() throws Exception {
		String login = TestPeople.uniqueName("guessed");
		TestPeople.signUp(this.mvc, login);
		String address = "198.18." + ThreadLocalRandom.current().nextInt(256) + "."
				+ ThreadLocalRandom.current().nextInt(1, 255);
		Scrape before = scrape();

		for (int i = 0; i < 7; i++) {
			this.mvc.perform(post("/login").with(csrf()).with((request) -> {
				request.setRemoteAddr(address);
				return request;
			}).param("username", login).param("password", "guess " + i));
		}

		Scrape after = scrape();
		String refused = "veille_login_refused_total";
		assertThat(after.value(refused, "limit", "account-and-address")
				- before.value(refused, "limit", "account-and-address")).isEqualTo(2);
	}

	/**
	 * Requests are timed once, by Spring MVC, not again around each of Spring Security's fifteen filters (a cost
	 * on every request; Spring Security means to leave those off by default, spring-security#15858); sign-ins
	 * and authorizations are still observed.
	 */
	@Test
	void shouldTimeRequestsOnceNotAroundEachSecurityFilter() throws Exception {
		TestPeople.signUp(this.mvc, TestPeople.uniqueName("timed"));
		Http.get(this.port, "/all");

		HttpResponse<String> response = Http.get(this.managementPort, "/actuator/prometheus");

		assertThat(response.body()).contains("http_server_requests_seconds_count", "spring_security_authorizations")
			.doesNotContain("spring_security_filterchains");
	}

	private Scrape scrape() {
		HttpResponse<String> response = Http.get(this.managementPort, "/actuator/prometheus");
		assertThat(response.statusCode()).isEqualTo(200);
		return Scrape.of(response.body());
	}

}
