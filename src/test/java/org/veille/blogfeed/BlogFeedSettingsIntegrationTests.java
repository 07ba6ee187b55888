package org.veille.blogfeed;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import org.veille.support.IntegrationTest;
import org.veille.support.TestPeople;
import org.veille.support.WebSession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code /settings/feeds}: adding a feed, the bad addresses refused with what to fix, five feeds at most even when
 * added at once, pausing and removing only one's own feeds. The feeds added here point nowhere that answers (port
 * 9 of 127.0.0.1, discard): their polls fail, which changes nothing these tests look at.
 */
@IntegrationTest
class BlogFeedSettingsIntegrationTests {

	private static final String NOWHERE = "http://127.0.0.1:9/";

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcClient jdbc;

	@LocalServerPort
	private int port;

	@Test
	void shouldOfferTheFormInEnglishAndFrenchFromTheSettingsPage() throws Exception {
		MockHttpSession session = TestPeople.signUp(this.mvc, TestPeople.uniqueName("page"));

		this.mvc.perform(get("/settings").session(session))
			.andExpect(content().string(containsString("href=\"/settings/feeds\"")));
		this.mvc.perform(get("/settings/feeds").session(session).header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<label for=\"feed-url\">Address of an RSS or Atom feed</label>")))
			.andExpect(content().string(containsString("No feed yet.")));
		this.mvc.perform(get("/settings/feeds").session(session).header("Accept-Language", "fr"))
			.andExpect(content().string(containsString("Adresse d’un flux RSS ou Atom")));
	}

	@Test
	void shouldListAddedFeedsWithTheirButtons() throws Exception {
		MockHttpSession session = TestPeople.signUp(this.mvc, TestPeople.uniqueName("list"));

		this.mvc.perform(add(session, "  " + NOWHERE + "list.xml  ")).andExpect(redirectedUrl("/settings/feeds"));

		this.mvc.perform(get("/settings/feeds").session(session))
			.andExpect(content().string(containsString(NOWHERE + "list.xml")))
			.andExpect(content().string(containsString("aria-label=\"Pause the feed " + NOWHERE + "list.xml\"")))
			.andExpect(content().string(containsString("aria-label=\"Remove the feed " + NOWHERE + "list.xml\"")));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "''|Give the address of the feed.",
			"not a url|This is not the address of a web page",
			"javascript:alert(1)|This is not the address of a web page",
			"ftp://example.org/feed.xml|This is not the address of a web page",
			"http://|This is not the address of a web page",
			"/relative/feed.xml|This is not the address of a web page" })
	void shouldRefuseWhatIsNoFeedAddressSayingWhatToFix(String url, String error) throws Exception {
		MockHttpSession session = TestPeople.signUp(this.mvc, TestPeople.uniqueName("bad"));

		this.mvc.perform(add(session, url))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("id=\"feed-url-error\"")))
			.andExpect(content().string(containsString(error)))
			.andExpect(content().string(containsString("aria-invalid=\"true\"")));

		assertThat(feedCount(session)).isZero();
	}

	@Test
	void shouldRefuseAnAddressTooLongAndKeepWhatWasTyped() throws Exception {
		MockHttpSession session = TestPeople.signUp(this.mvc, TestPeople.uniqueName("long"));
		String url = "https://example.org/" + "a".repeat(FeedAddresses.MAX_LENGTH);

		this.mvc.perform(add(session, url))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("This address is too long: 2,000 characters at most.")))
			.andExpect(content().string(containsString("value=\"" + url + "\"")));
	}

	@Test
	void shouldRefuseASixthFeedAndTheSameFeedTwice() throws Exception {
		MockHttpSession session = TestPeople.signUp(this.mvc, TestPeople.uniqueName("six"));
		for (int i = 0; i < BlogFeeds.MAX_PER_PERSON; i++) {
			this.mvc.perform(add(session, NOWHERE + "feed-" + i)).andExpect(redirectedUrl("/settings/feeds"));
		}

		this.mvc.perform(add(session, NOWHERE + "feed-0"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("You have 5 feeds already, the most one may have")));
		this.jdbc.sql("delete from blog_feeds where url = :url").param("url", NOWHERE + "feed-4").update();
		this.mvc.perform(add(session, NOWHERE + "feed-0"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("You added this feed already.")));
		assertThat(feedCount(session)).isEqualTo(4);
	}

	@Test
	void shouldStoreFiveFeedsAtMostWhenAddedAllAtOnce() throws Exception {
		String login = TestPeople.uniqueName("race");
		WebSession browser = new WebSession(this.port);
		assertThat(browser.signUp(login).statusCode()).isEqualTo(302);
		String token = WebSession.csrfOf(browser.get("/settings/feeds").body());
		int clients = 16;
		CountDownLatch ready = new CountDownLatch(clients);
		ExecutorService threads = Executors.newFixedThreadPool(clients);
		List<Future<HttpResponse<String>>> answers = new ArrayList<>();
		try {
			for (int i = 0; i < clients; i++) {
				String url = NOWHERE + "race-" + i;
				answers.add(threads.submit(() -> {
					ready.countDown();
					ready.await();
					return browser.post("/settings/feeds", Map.of("_csrf", token, "url", url));
				}));
			}
			List<Integer> statuses = new ArrayList<>();
			for (Future<HttpResponse<String>> answer : answers) {
				statuses.add(answer.get().statusCode());
			}

			assertThat(statuses).filteredOn((s) -> s == 302).hasSize(BlogFeeds.MAX_PER_PERSON);
			assertThat(statuses).filteredOn((s) -> s == 400).hasSize(clients - BlogFeeds.MAX_PER_PERSON);
		}
		finally {
			threads.shutdownNow();
		}
		assertThat(this.jdbc.sql("""
				select count(*) from blog_feeds f join accounts a on a.id = f.account_id where a.login = :login
				""").param("login", login).query(Integer.class).single()).isEqualTo(BlogFeeds.MAX_PER_PERSON);
	}

	@Test
	void shouldAnswerNotFoundForSomeoneElsesFeedAndLeaveItAlone() throws Exception {
		MockHttpSession owner = TestPeople.signUp(this.mvc, TestPeople.uniqueName("owner"));
		MockHttpSession other = TestPeople.signUp(this.mvc, TestPeople.uniqueName("other"));
		this.mvc.perform(add(owner, NOWHERE + "mine.xml"));
		long feed = this.jdbc.sql("select id from blog_feeds where url = :url order by id desc limit 1")
			.param("url", NOWHERE + "mine.xml")
			.query(Long.class)
			.single();

		for (String action : List.of("pause", "resume", "remove")) {
			this.mvc.perform(post("/settings/feeds/" + feed + "/" + action).session(other).with(csrf()))
				.andExpect(status().isNotFound());
		}
		this.mvc.perform(post("/settings/feeds/" + feed + "/remove").session(owner))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/settings/feeds/not-a-number/remove").session(owner).with(csrf()))
			.andExpect(status().isBadRequest());
		assertThat(feedCount(owner)).isEqualTo(1);

		this.mvc.perform(post("/settings/feeds/" + feed + "/pause").session(owner).with(csrf()))
			.andExpect(redirectedUrl("/settings/feeds"));
		this.mvc.perform(get("/settings/feeds").session(owner))
			.andExpect(content().string(containsString("Paused: not read until you resume it.")));
		this.mvc.perform(post("/settings/feeds/" + feed + "/remove").session(owner).with(csrf()))
			.andExpect(redirectedUrl("/settings/feeds"));
		this.mvc.perform(get("/settings/feeds").session(owner))
			.andExpect(content().string(not(containsString(NOWHERE + "mine.xml"))));
	}

	@Test
	void shouldAskToSignIn() throws Exception {
		this.mvc.perform(get("/settings/feeds")).andExpect(status().is3xxRedirection());
	}

	private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder add(
			MockHttpSession session, String url) {
		return post("/settings/feeds").session(session).with(csrf()).param("url", url);
	}

	private int feedCount(MockHttpSession session) throws Exception {
		String page = this.mvc.perform(get("/settings/feeds").session(session)).andReturn().getResponse()
			.getContentAsString();
		return page.split("class=\"blog-feed\"", -1).length - 1;
	}

}
