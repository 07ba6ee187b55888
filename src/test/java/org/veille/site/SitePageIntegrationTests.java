package org.veille.site;

import java.io.StringReader;
import java.net.URI;

import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.io.WireFeedInput;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import org.veille.support.IntegrationTest;
import org.veille.support.Posting;
import org.veille.support.QueryCounting;
import org.veille.support.TestPeople;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Site pages: the threads citing a site or a page under a path, the child paths with their counts, the canonical
 * spelling of a site, the site feed, and a bounded number of queries whatever the size of the page.
 */
@IntegrationTest
class SitePageIntegrationTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void shouldListTheThreadsCitingASiteOrAPathUnderIt() throws Exception {
		String host = host();
		MockHttpSession session = TestPeople.signUp(this.mvc, TestPeople.uniqueName("site"));
		long blog = Posting.as(this.mvc, session, "On the blog\nhttps://www." + host + "/blog/2026/spring");
		long again = Posting.as(this.mvc, session, "Blog again\nhttps://" + host + "/blog/2025/autumn?page=2");
		long docs = Posting.as(this.mvc, session, "The docs\nhttps://" + host + "/docs/");

		this.mvc.perform(get("/sites/" + host))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"m" + blog + "\"")))
			.andExpect(content().string(containsString("id=\"m" + again + "\"")))
			.andExpect(content().string(containsString("id=\"m" + docs + "\"")))
			.andExpect(content().string(containsString("3 threads")))
			.andExpect(content().string(containsString("href=\"/sites/" + host + "/blog\"")))
			.andExpect(content().string(containsString("href=\"/sites/" + host + "/feed\"")));
		this.mvc.perform(get("/sites/" + host + "/blog"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"m" + blog + "\"")))
			.andExpect(content().string(containsString("id=\"m" + again + "\"")))
			.andExpect(content().string(not(containsString("id=\"m" + docs + "\""))))
			.andExpect(content().string(containsString("href=\"/sites/" + host + "/blog/2026\"")))
			.andExpect(content().string(containsString("href=\"/sites/" + host + "\"")));
		this.mvc.perform(get("/sites/" + host + "/blog/2026/spring"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"m" + blog + "\"")))
			.andExpect(content().string(not(containsString("id=\"m" + again + "\""))));
	}

	@Test
	void shouldFollowEditsAndDeletionsOfTheMessagesCitingASite() throws Exception {
		String host = host();
		MockHttpSession session = TestPeople.signUp(this.mvc, TestPeople.uniqueName("edits"));
		long thread = Posting.as(this.mvc, session, "Cited\nhttps://" + host + "/a/page");
		long reply = Posting.reply(this.mvc, session, thread, "Also https://" + host + "/b/other");

		Posting.edit(this.mvc, session, thread, "Cited no more");
		this.mvc.perform(get("/sites/" + host + "/a")).andExpect(content().string(not(containsString("id=\"m" + thread + "\""))));
		this.mvc.perform(get("/sites/" + host + "/b")).andExpect(content().string(containsString("id=\"m" + thread + "\"")));
		assertThat(threadCount(host, "")).isEqualTo(1);

		Posting.delete(this.mvc, session, reply);
		assertThat(threadCount(host, "")).isZero();
		assertThat(threadCount(host, "/b")).isZero();
	}

	private int threadCount(String host, String path) {
		return this.jdbc.sql("select thread_count from site_paths where host = ? and path = ?")
			.params(host, path)
			.query(Integer.class)
			.single();
	}

	@Test
	void shouldRedirectOtherSpellingsOfASiteToItsCanonicalPage() throws Exception {
		String host = host();
		Posting.as(this.mvc, TestPeople.signUp(this.mvc, TestPeople.uniqueName("site")),
				"Spelled\nhttps://" + host + "/a/b");

		this.mvc.perform(get("/sites/WWW." + host.toUpperCase() + "/a/b/"))
			.andExpect(status().isMovedPermanently())
			.andExpect(header().string("Location", "/sites/" + host + "/a/b"));
		this.mvc.perform(get(URI.create("/sites/" + host + "/a/%62?before=1-2")))
			.andExpect(status().isMovedPermanently())
			.andExpect(header().string("Location", "/sites/" + host + "/a/b?before=1-2"));
	}

	@Test
	void shouldAnswerUnknownAndGarbledSitesWithTheErrorPages() throws Exception {
		this.mvc.perform(get("/sites/" + host())).andExpect(status().isNotFound());
		this.mvc.perform(get("/sites/example.org:8080")).andExpect(status().isNotFound());
		this.mvc.perform(get(URI.create("/sites/bad%20host"))).andExpect(status().isNotFound());
		this.mvc.perform(get("/sites/" + host() + "/nothing/here")).andExpect(status().isNotFound());
		String host = host();
		Posting.as(this.mvc, TestPeople.signUp(this.mvc, TestPeople.uniqueName("site")), "X\nhttps://" + host + "/");
		this.mvc.perform(get("/sites/" + host + "?before=garbage")).andExpect(status().isBadRequest());
	}

	@Test
	void shouldPublishASiteFeedAnsweringConditionalRequests() throws Exception {
		String host = host();
		long id = Posting.as(this.mvc, TestPeople.signUp(this.mvc, TestPeople.uniqueName("site")),
				"Fed site\nhttps://" + host + "/post");

		MvcResult result = this.mvc.perform(get("/sites/" + host + "/feed"))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", containsString("application/atom+xml")))
			.andReturn();
		Feed feed = (Feed) new WireFeedInput().build(new StringReader(result.getResponse().getContentAsString()));

		assertThat(feed.getTitle()).isEqualTo(host + " — Veille");
		assertThat(feed.getEntries()).hasSize(1);
		assertThat(feed.getEntries().get(0).getAlternateLinks().get(0).getHref()).endsWith("/messages/" + id);
		this.mvc.perform(get("/sites/" + host + "/feed").header("If-None-Match", result.getResponse().getHeader("ETag")))
			.andExpect(status().isNotModified());
		this.mvc.perform(get("/sites/" + host + "/post/feed")).andExpect(status().isOk());
	}

	@Test
	void shouldShowASitePageInABoundedNumberOfQueries() throws Exception {
		String few = fill(2);
		String many = fill(30);

		long forFew = QueryCounting.statementsFor(this.mvc, "/sites/" + few + "/path");
		long forMany = QueryCounting.statementsFor(this.mvc, "/sites/" + many + "/path");

		assertThat(forMany).isEqualTo(forFew);
		assertThat(forMany).isLessThanOrEqualTo(8);
		assertThat(QueryCounting.statementsFor(this.mvc, "/sites/" + many + "/feed")).isLessThanOrEqualTo(6);
	}

	/** Posts this many threads citing pages of a new site, each with several links and tags. */
	private String fill(int threads) throws Exception {
		String host = host();
		MockHttpSession session = TestPeople.signUp(this.mvc, TestPeople.uniqueName("sites"));
		for (int i = 0; i < threads; i++) {
			Posting.as(this.mvc, session, "Fil " + i + "\nhttps://" + host + "/path/" + i + " https://" + host
					+ "/path/" + i + "/more https://other.example/" + i + "\n#un #deux" + i);
		}
		return host;
	}

	private static String host() {
		return TestPeople.uniqueName("site").replace('_', '-').toLowerCase() + ".example";
	}

}
