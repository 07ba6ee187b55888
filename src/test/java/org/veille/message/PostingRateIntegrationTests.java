package org.veille.message;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import org.veille.support.IntegrationTest;
import org.veille.support.Posting;
import org.veille.support.TestPeople;
import org.veille.support.WebSession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The spam limits (veille.limits.*), low here: 3 posts a minute, 5 an hour, 2 replies a minute. The same
 * properties as {@code account.FirstAccountAdministratorIntegrationTests}, so that both share one context.
 */
@IntegrationTest
@TestPropertySource(properties = { "veille.admin.logins=", "veille.limits.posts-per-minute=3",
		"veille.limits.posts-per-hour=5", "veille.limits.replies-per-minute=2" })
class PostingRateIntegrationTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcClient jdbc;

	@LocalServerPort
	private int port;

	@Test
	void shouldRefuseThePostsOverTheMinuteAndHourLimitsWithTheTextKept() throws Exception {
		String login = TestPeople.uniqueName("eager");
		MockHttpSession me = TestPeople.signUp(this.mvc, login);
		for (int i = 1; i <= 3; i++) {
			Posting.as(this.mvc, me, "Thread " + i + " of " + login);
		}

		MvcResult fourth = postThread(me, "Thread 4, a careful text of " + login);

		assertThat(fourth.getResponse().getStatus()).isEqualTo(429);
		assertThat(fourth.getResponse().getHeader("Retry-After")).matches("[1-9][0-9]*");
		assertThat(fourth.getResponse().getContentAsString())
			.contains("You have posted 3 messages in the last minute, the most this site allows.",
					"Thread 4, a careful text of " + login);
		assertThat(threadsOf(login)).isEqualTo(3);

		// A minute later (its window ended), two more fit in the hour, then the hour's limit holds.
		endWindow("posts-minute", login);
		Posting.as(this.mvc, me, "Thread 4 of " + login);
		Posting.as(this.mvc, me, "Thread 5 of " + login);
		endWindow("posts-minute", login);
		MvcResult sixth = postThread(me, "Thread 6 of " + login);

		assertThat(sixth.getResponse().getStatus()).isEqualTo(429);
		assertThat(sixth.getResponse().getContentAsString())
			.contains("You have posted 5 messages in the last hour, the most this site allows.", "Thread 6 of " + login);
		assertThat(threadsOf(login)).isEqualTo(5);
	}

	@Test
	void shouldRefuseTheRepliesOverTheirLimitOnTheThreadPageWithTheTextKept() throws Exception {
		MockHttpSession starter = TestPeople.signUp(this.mvc, TestPeople.uniqueName("starter"));
		long thread = Posting.as(this.mvc, starter, "A thread to answer");
		String login = TestPeople.uniqueName("chatty");
		MockHttpSession me = TestPeople.signUp(this.mvc, login);
		Posting.reply(this.mvc, me, thread, "First answer");
		Posting.reply(this.mvc, me, thread, "Second answer");

		MvcResult third = this.mvc.perform(post("/messages/" + thread + "/replies").session(me).with(csrf())
			.param("text", "Third answer, kept")).andReturn();

		assertThat(third.getResponse().getStatus()).isEqualTo(429);
		assertThat(third.getResponse().getContentAsString())
			.contains("You have posted 2 replies in the last minute", "Third answer, kept");
		assertThat(Posting.page(this.mvc, null, "/messages/" + thread)).doesNotContain("Third answer");
	}

	@Test
	void shouldAnswerTheApiWith429AndRetryAfter() throws Exception {
		String login = TestPeople.uniqueName("script");
		TestPeople.signUp(this.mvc, login);
		String basic = "Basic " + Base64.getEncoder()
			.encodeToString((login + ":" + TestPeople.PASSWORD).getBytes(StandardCharsets.UTF_8));
		List<Integer> statuses = new ArrayList<>();
		String retryAfter = null;
		for (int i = 1; i <= 4; i++) {
			MvcResult result = this.mvc.perform(post("/api/messages").header("Authorization", basic)
				.contentType("application/atom+xml")
				.content("<entry xmlns=\"http://www.w3.org/2005/Atom\"><summary>Entry " + i + "</summary></entry>"))
				.andReturn();
			statuses.add(result.getResponse().getStatus());
			retryAfter = result.getResponse().getHeader("Retry-After");
		}

		assertThat(statuses).containsExactly(201, 201, 201, 429);
		assertThat(retryAfter).matches("[1-9][0-9]*");
	}

	@Test
	void shouldStoreExactlyTheAllowedPostsWhenOnePersonPostsFromManyClientsAtOnce() throws Exception {
		String login = TestPeople.uniqueName("burst");
		TestPeople.signUp(this.mvc, login);
		// More clients than the pool has connections, each its own session of the same person.
		int clients = 12;
		List<WebSession> sessions = new ArrayList<>();
		List<String> tokens = new ArrayList<>();
		for (int i = 0; i < clients; i++) {
			WebSession session = new WebSession(this.port);
			assertThat(session.signIn(login).statusCode()).isEqualTo(302);
			sessions.add(session);
			tokens.add(session.postingToken());
		}
		CyclicBarrier start = new CyclicBarrier(clients);
		ExecutorService threads = Executors.newFixedThreadPool(clients);
		List<Future<HttpResponse<String>>> answers = new ArrayList<>();
		try {
			for (int i = 0; i < clients; i++) {
				WebSession session = sessions.get(i);
				String token = tokens.get(i);
				String text = "Burst " + i + " of " + login;
				answers.add(threads.submit(() -> {
					start.await(30, TimeUnit.SECONDS);
					return session.postMessage(token, text);
				}));
			}
			int stored = 0;
			int refused = 0;
			for (Future<HttpResponse<String>> answer : answers) {
				int status = answer.get(120, TimeUnit.SECONDS).statusCode();
				stored += (status == 302) ? 1 : 0;
				refused += (status == 429) ? 1 : 0;
			}
			assertThat(stored).isEqualTo(3);
			assertThat(refused).isEqualTo(clients - 3);
		}
		finally {
			threads.shutdownNow();
		}
		assertThat(threadsOf(login)).isEqualTo(3);
	}

	private MvcResult postThread(MockHttpSession session, String text) throws Exception {
		return this.mvc.perform(post("/post").session(session).with(csrf()).param("text", text)).andReturn();
	}

	private long threadsOf(String login) {
		return this.jdbc.sql("""
				select count(*) from messages m join accounts a on a.id = m.author_id
				where a.login = :login and m.thread_id is null and m.deleted_at is null
				""").param("login", login).query(Long.class).single();
	}

	/** As if the window had passed: the counter's next raise starts again at one. */
	private void endWindow(String scope, String login) {
		this.jdbc.sql("""
				update attempt_counters set expires_at = now() - interval '1 second'
				where scope = :scope and subject = (select id::text from accounts where login = :login)
				""").param("scope", scope).param("login", login).update();
	}

}
