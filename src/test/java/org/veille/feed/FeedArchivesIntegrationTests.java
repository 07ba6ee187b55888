package org.veille.feed;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.io.WireFeedInput;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import org.veille.support.IntegrationTest;
import org.veille.support.Posting;
import org.veille.support.Social;
import org.veille.support.TestPeople;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Feeds as RFC 5005 archives (each page links the older one with rel="next") and the personal
 * home-stream feed at a secret, revocable address.
 */
@IntegrationTest
class FeedArchivesIntegrationTests {

	@Autowired
	private MockMvc mvc;

	@ParameterizedTest
	@ValueSource(strings = { "/people/%s/feed", "/people/%s/only/feed", "/tag/%s/feed" })
	void shouldPageOlderEntriesWithRelNextUntilTheLast(String pattern) throws Exception {
		String login = TestPeople.uniqueName("archive");
		MockHttpSession author = TestPeople.signUp(this.mvc, login);
		Set<String> posted = new HashSet<>();
		for (int i = 1; i <= 43; i++) {
			Posting.as(this.mvc, author, "Archive " + i + "\n#" + login);
			posted.add("Archive " + i);
		}

		List<String> titles = new ArrayList<>();
		String path = pattern.formatted(login);
		int pages = 0;
		while (path != null) {
			Feed feed = feed(path);
			pages++;
			assertThat(link(feed, "self")).endsWith(path);
			for (Entry entry : feed.getEntries()) {
				titles.add(entry.getTitle());
			}
			String next = link(feed, "next");
			path = (next != null) ? next.substring(next.indexOf('/', "http://".length())) : null;
		}

		assertThat(pages).isEqualTo(2);
		assertThat(titles).hasSize(43).doesNotHaveDuplicates();
		assertThat(new HashSet<>(titles)).isEqualTo(posted);
		assertThat(titles.get(0)).isEqualTo("Archive 43");
	}

	@Test
	void shouldServeTheHomeStreamAtASecretRevocableAddress() throws Exception {
		String reader = TestPeople.uniqueName("reader");
		MockHttpSession me = TestPeople.signUp(this.mvc, reader);
		String followed = TestPeople.uniqueName("followed");
		MockHttpSession them = TestPeople.signUp(this.mvc, followed);
		Social.follow(this.mvc, me, followed);
		long thread = Posting.as(this.mvc, them, "Pour mon flux privé");

		String first = homeFeedPath(me);
		Feed feed = feed(first);

		assertThat(feed.getEntries()).anySatisfy(
				(entry) -> assertThat(entry.getAlternateLinks().get(0).getHref()).endsWith("/messages/" + thread));
		MockHttpServletResponse response = this.mvc.perform(get(first)).andReturn().getResponse();
		assertThat(response.getHeader("Cache-Control")).startsWith("private");
		assertThat(Posting.page(this.mvc, me, "/settings/api")).as("shown once, after making it").contains(first);
		assertThat(Posting.page(this.mvc, me, "/settings/api")).as("then never again").doesNotContain(first);

		String second = homeFeedPath(me);
		assertThat(second).isNotEqualTo(first);
		assertThat(status(first)).as("the old address after a new one").isEqualTo(404);
		assertThat(status(second)).isEqualTo(200);

		this.mvc.perform(post("/settings/api/home-feed/revoke").session(me).with(csrf()));
		assertThat(status(second)).as("a revoked address").isEqualTo(404);
		assertThat(status("/feeds/home/not-a-token")).isEqualTo(404);
	}

	private String homeFeedPath(MockHttpSession session) throws Exception {
		String flash = this.mvc.perform(post("/settings/api/home-feed").session(session).with(csrf()))
			.andReturn()
			.getFlashMap()
			.get("homeFeedPath")
			.toString();
		assertThat(flash).startsWith("/feeds/home/");
		return flash;
	}

	private int status(String path) throws Exception {
		return this.mvc.perform(get(path)).andReturn().getResponse().getStatus();
	}

	private Feed feed(String path) throws Exception {
		MockHttpServletResponse response = this.mvc.perform(get(path)).andReturn().getResponse();
		assertThat(response.getStatus()).as(path).isEqualTo(200);
		return (Feed) new WireFeedInput().build(new StringReader(response.getContentAsString()));
	}

	private static String link(Feed feed, String rel) {
		for (Link link : feed.getOtherLinks()) {
			if (rel.equals(link.getRel())) {
				return link.getHref();
			}
		}
		return null;
	}

}
