package org.veille.blogfeed;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import org.veille.blogfeed.TestFeeds.Item;
import org.veille.link.fetch.LocalHttpServer;
import org.veille.support.IntegrationTest;
import org.veille.support.Posting;
import org.veille.support.TestPeople;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/**
 * The spam limits neither refuse nor count the entries of a person's blog feed: low limits here (3 posts a minute,
 * 5 an hour), the properties of {@code message.PostingRateIntegrationTests}, whose context this test shares.
 */
@IntegrationTest
@TestPropertySource(properties = { "veille.admin.logins=", "veille.limits.posts-per-minute=3",
		"veille.limits.posts-per-hour=5", "veille.limits.replies-per-minute=2" })
class BlogFeedSpamLimitsIntegrationTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void shouldPostMoreEntriesThanTheLimitsAllowAndLeaveThePersonTheirOwnPosts() throws Exception {
		String login = TestPeople.uniqueName("blogger");
		MockHttpSession me = TestPeople.signUp(this.mvc, login);
		List<Item> items = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			items.add(Item.of("e" + i, "Entry " + i, Instant.parse("2026-11-01T08:00:00Z").plusSeconds(i)));
		}
		try (LocalHttpServer server = LocalHttpServer.start()) {
			server.content("/feed.xml", "application/rss+xml", TestFeeds.rss(items).getBytes(StandardCharsets.UTF_8));
			this.mvc.perform(post("/settings/feeds").session(me).with(csrf())
				.param("url", server.uri("/feed.xml").toString())).andExpect(redirectedUrl("/settings/feeds"));

			await().atMost(Duration.ofSeconds(20)).until(() -> threadsOf(login) == 8);
			this.jdbc.sql("delete from blog_feeds where url = :url").param("url", server.uri("/feed.xml").toString())
				.update();
		}

		for (int i = 1; i <= 3; i++) {
			Posting.as(this.mvc, me, "My own thread " + i);
		}
		assertThat(threadsOf(login)).isEqualTo(11);
	}

	private int threadsOf(String login) {
		return this.jdbc.sql("""
				select count(*) from messages m join accounts a on a.id = m.author_id
				where a.login = :login and m.thread_id is null
				""").param("login", login).query(Integer.class).single();
	}

}
