package org.veille.feed;

import java.io.StringReader;

import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.io.WireFeedInput;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import org.veille.support.IntegrationTest;
import org.veille.support.Posting;
import org.veille.support.Social;
import org.veille.support.TestPeople;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The feeds of people and of the whole site (DESIGN §6): valid Atom that Rome reads back, conditional
 * GETs, and the pages announcing them for autodiscovery.
 */
@IntegrationTest
class FeedsIntegrationTests {

	@Autowired
	private MockMvc mvc;

	@Test
	void shouldPublishEveryThreadInTheSiteFeed() throws Exception {
		MockHttpSession author = TestPeople.signUp(this.mvc, TestPeople.uniqueName("site"));
		long thread = Posting.as(this.mvc, author, "Le dernier fil du site\n#partout");

		Feed feed = feed("/all/feed");

		assertThat(feed.getEntries().get(0).getTitle()).isEqualTo("Le dernier fil du site");
		assertThat(feed.getEntries().get(0).getAlternateLinks().get(0).getHref()).endsWith("/messages/" + thread);
		assertThat(feed.getOtherLinks()).anySatisfy((link) -> assertThat(link.getHref()).endsWith("/all/feed"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "/all/feed", "/people/%s/feed", "/people/%s/only/feed" })
	void shouldAnswerConditionalRequestsAndChangeWithTheContent(String pattern) throws Exception {
		String login = TestPeople.uniqueName("cond");
		MockHttpSession author = TestPeople.signUp(this.mvc, login);
		Posting.as(this.mvc, author, "Premier");
		String path = pattern.formatted(login);
		MvcResult first = this.mvc.perform(get(path)).andExpect(status().isOk()).andReturn();
		String etag = first.getResponse().getHeader("ETag");
		String lastModified = first.getResponse().getHeader("Last-Modified");

		this.mvc.perform(get(path).header("If-None-Match", etag)).andExpect(status().isNotModified());
		this.mvc.perform(get(path).header("If-Modified-Since", lastModified)).andExpect(status().isNotModified());

		Posting.as(this.mvc, author, "Second, une seconde plus tard au moins pour Last-Modified");
		this.mvc.perform(get(path).header("If-None-Match", etag))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Second")));
	}

	@Test
	void shouldMoveAPersonsFeedWhenTheyStarAThread() throws Exception {
		String login = TestPeople.uniqueName("starrer");
		MockHttpSession starrer = TestPeople.signUp(this.mvc, login);
		long thread = Posting.as(this.mvc, TestPeople.signUp(this.mvc, TestPeople.uniqueName("author")), "À étoiler");
		String etag = this.mvc.perform(get("/people/" + login + "/feed")).andReturn().getResponse().getHeader("ETag");

		Social.star(this.mvc, starrer, thread);

		MvcResult result = this.mvc.perform(get("/people/" + login + "/feed").header("If-None-Match", etag))
			.andExpect(status().isOk())
			.andReturn();
		Feed feed = (Feed) new WireFeedInput().build(new StringReader(result.getResponse().getContentAsString()));
		assertThat(feed.getEntries()).extracting(Entry::getTitle).containsExactly("À étoiler");
	}

	@Test
	void shouldAnnounceEachFeedOnItsPage() throws Exception {
		String login = TestPeople.uniqueName("announced");
		Posting.as(this.mvc, TestPeople.signUp(this.mvc, login), "Annoncé");

		assertThat(Posting.page(this.mvc, null, "/all"))
			.contains("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Every thread\" href=\"/all/feed\">");
		assertThat(Posting.page(this.mvc, null, "/"))
			.contains("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Every thread\" href=\"/all/feed\">");
		assertThat(Posting.page(this.mvc, null, "/people/" + login))
			.contains("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"" + login + "\" href=\"/people/"
					+ login + "/feed\">");
		assertThat(Posting.page(this.mvc, null, "/people/" + login + "/only"))
			.contains("<link rel=\"canonical\" href=\"/people/" + login + "/only\">")
			.contains("href=\"/people/" + login + "/only/feed\">");
	}

	private Feed feed(String path) throws Exception {
		String xml = this.mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		Feed feed = (Feed) new WireFeedInput().build(new StringReader(xml));
		assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
		return feed;
	}

}
