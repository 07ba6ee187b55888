package org.veille.star;

import java.io.StringReader;
import java.time.Instant;

import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.io.WireFeedInput;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import org.veille.support.IntegrationTest;
import org.veille.support.Posting;
import org.veille.support.TestPeople;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Stars (shares): once per person and thread, never one's own, shown on the thread, and listed on the
 * starrer's page and feed at the time of the star.
 */
@IntegrationTest
class StarIntegrationTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void shouldCountOneStarWhenStarringTwiceAndShowWhoStarred() throws Exception {
		MockHttpSession author = TestPeople.signUp(this.mvc, TestPeople.uniqueName("author"));
		String login = TestPeople.uniqueName("fan");
		MockHttpSession fan = TestPeople.signUp(this.mvc, login);
		long thread = Posting.as(this.mvc, author, "À partager");

		this.mvc.perform(post("/messages/" + thread + "/star").session(fan).with(csrf()))
			.andExpect(redirectedUrl("/messages/" + thread))
			.andExpect(flash().attribute("notice", "star.done"));
		this.mvc.perform(post("/messages/" + thread + "/star").session(fan).with(csrf()))
			.andExpect(redirectedUrl("/messages/" + thread))
			.andExpect(flash().attribute("notice", "star.already"));

		assertThat(stars(thread)).isEqualTo(1);
		String page = Posting.page(this.mvc, fan, "/messages/" + thread);
		assertThat(page).contains("★ One star").contains("Starred by").contains("href=\"/people/" + login + "\"")
			.contains("/messages/" + thread + "/unstar");
		assertThat(Posting.page(this.mvc, null, "/all")).contains("★ 1");

		this.mvc.perform(post("/messages/" + thread + "/unstar").session(fan).with(csrf()))
			.andExpect(redirectedUrl("/messages/" + thread));
		assertThat(stars(thread)).isZero();
		assertThat(Posting.page(this.mvc, fan, "/messages/" + thread)).contains("No star yet")
			.contains("/messages/" + thread + "/star\"");
	}

	@Test
	void shouldRefuseToStarOnesOwnThreadWithAClearMessage() throws Exception {
		MockHttpSession author = TestPeople.signUp(this.mvc, TestPeople.uniqueName("vain"));
		long thread = Posting.as(this.mvc, author, "Mon propre fil");

		this.mvc.perform(post("/messages/" + thread + "/star").session(author).with(csrf()))
			.andExpect(redirectedUrl("/messages/" + thread))
			.andExpect(flash().attribute("problem", "star.own-thread"));
		String page = this.mvc.perform(get("/messages/" + thread).session(author)
			.flashAttr("problem", "star.own-thread").flashAttr("problemArgs", new String[0]))
			.andReturn().getResponse().getContentAsString();

		assertThat(page).contains("You cannot star your own thread").doesNotContain("/star\"");
		assertThat(stars(thread)).isZero();
	}

	@Test
	void shouldAnswerStarringAnUnknownThreadWithTheNotFoundPage() throws Exception {
		MockHttpSession fan = TestPeople.signUp(this.mvc, TestPeople.uniqueName("fan"));

		this.mvc.perform(post("/messages/999999999999/star").session(fan).with(csrf()))
			.andExpect(status().isNotFound());
	}

	@Test
	void shouldListAStarOnTheStarrersPageAndFeedAtTheTimeOfTheStar() throws Exception {
		MockHttpSession author = TestPeople.signUp(this.mvc, TestPeople.uniqueName("author"));
		String login = TestPeople.uniqueName("sharer");
		MockHttpSession sharer = TestPeople.signUp(this.mvc, login);
		long starred = Posting.as(this.mvc, author, "Une trouvaille ancienne");
		long own = Posting.as(this.mvc, sharer, "Mon fil à moi");
		Posting.as(this.mvc, author, "Un fil plus récent que la trouvaille");
		this.mvc.perform(post("/messages/" + starred + "/star").session(sharer).with(csrf()));

		String page = Posting.page(this.mvc, null, "/people/" + login);
		assertThat(Posting.cardIds(page)).containsExactly(starred, own);
		assertThat(page).contains("★ starred by @" + login);
		assertThat(Posting.cardIds(Posting.page(this.mvc, null, "/people/" + login + "/only"))).containsExactly(own);

		String xml = Posting.page(this.mvc, null, "/people/" + login + "/feed");
		Feed feed = (Feed) new WireFeedInput().build(new StringReader(xml));
		assertThat(feed.getEntries()).extracting(Entry::getTitle).containsExactly("Une trouvaille ancienne", "Mon fil à moi");
		Instant starredAt = this.jdbc.sql("select starred_at from stars where thread_id = ?").param(starred)
			.query(java.sql.Timestamp.class).single().toInstant();
		assertThat(feed.getEntries().get(0).getUpdated().toInstant()).isEqualTo(starredAt.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
		Feed only = (Feed) new WireFeedInput()
			.build(new StringReader(Posting.page(this.mvc, null, "/people/" + login + "/only/feed")));
		assertThat(only.getEntries()).extracting(Entry::getTitle).containsExactly("Mon fil à moi");
	}

	private int stars(long thread) {
		int rows = this.jdbc.sql("select count(*) from stars where thread_id = ?").param(thread).query(Integer.class)
			.single();
		int counter = this.jdbc.sql("select star_count from messages where id = ?").param(thread).query(Integer.class)
			.single();
		assertThat(counter).as("the counter matches the rows").isEqualTo(rows);
		return rows;
	}

}
