package org.veille.tag;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import org.veille.support.IntegrationTest;
import org.veille.support.Posting;
import org.veille.support.QueryCounting;
import org.veille.support.TestPeople;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A tag page and a tag feed cost the same number of SQL statements whether they show two threads
 * or a full page, each thread with tags, links and mentions: no query per thread.
 */
@IntegrationTest
class TagPageQueryCountIntegrationTests {

	@Autowired
	private MockMvc mvc;

	@Test
	void shouldShowATagPageInABoundedNumberOfQueries() throws Exception {
		String few = fill(2);
		String many = fill(30);

		long forFew = QueryCounting.statementsFor(this.mvc, "/tag/" + few);
		long forMany = QueryCounting.statementsFor(this.mvc, "/tag/" + many);

		// The tags, the page, its chips, links and mentioned people, the side panel (issue 16).
		assertThat(forMany).isEqualTo(forFew);
		assertThat(forMany).isLessThanOrEqualTo(6);
	}

	@Test
	void shouldWriteATagFeedInABoundedNumberOfQueries() throws Exception {
		String few = fill(2);
		String many = fill(45);

		long forFew = QueryCounting.statementsFor(this.mvc, "/tag/" + few + "/feed");
		long forMany = QueryCounting.statementsFor(this.mvc, "/tag/" + many + "/feed");

		assertThat(forMany).isEqualTo(forFew);
		assertThat(forMany).isLessThanOrEqualTo(7);
	}

	/** Posts this many threads under a new tag, each citing links, other tags and a real person. */
	private String fill(int threads) throws Exception {
		String author = TestPeople.uniqueName("counted");
		MockHttpSession session = TestPeople.signUp(this.mvc, author);
		String tag = TestPeople.uniqueName("compte").toLowerCase();
		for (int i = 0; i < threads; i++) {
			Posting.as(this.mvc, session, "Fil " + i + "\nhttps://example.org/" + i + " https://example.net/" + i
					+ "\n\nVu par @" + author + " #" + tag + " #autre" + i + " #encore");
		}
		return tag;
	}

}
