package org.veille.thread;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import org.veille.support.IntegrationTest;
import org.veille.support.Posting;
import org.veille.support.QueryCounting;
import org.veille.support.Social;
import org.veille.support.TestPeople;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The home stream, a person's page and the alerts cost the same number of SQL statements whether
 * they show two entries or a full page (each with tags, links, mentions, stars): no query per entry.
 * The two worlds are built once for the class; the tests only read them. A signed-in reader's page also
 * costs {@value #SESSION} statement for the session in PostgreSQL (reading it; its last access is written at
 * most once a minute).
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StreamQueryCountIntegrationTests {

	/** Spring Session JDBC's statements on each request of a signed-in reader. */
	private static final int SESSION = 1;

	@Autowired
	private MockMvc mvc;

	private World few;

	private World many;

	@BeforeAll
	void buildTwoWorlds() throws Exception {
		this.few = world(2);
		this.many = world(30);
	}

	@Test
	void shouldShowTheHomeStreamInABoundedNumberOfQueries() throws Exception {
		long forFew = statementsFor("/", this.few.reader());
		long forMany = statementsFor("/", this.many.reader());

		// One of them reads the reader's reasons, which a kept home page listens on (ThreadQueries.home).
		assertThat(forMany).isEqualTo(forFew).isLessThanOrEqualTo(7 + SESSION);
	}

	@Test
	void shouldShowAPersonsThreadsAndStarsInABoundedNumberOfQueries() throws Exception {
		assertThat(statementsFor("/people/" + this.many.author(), this.many.reader()))
			.isEqualTo(statementsFor("/people/" + this.few.author(), this.few.reader()))
			.isLessThanOrEqualTo(8 + SESSION);
		assertThat(statementsFor("/people/" + this.many.author() + "/feed", null))
			.isEqualTo(statementsFor("/people/" + this.few.author() + "/feed", null))
			.isLessThanOrEqualTo(6);
	}

	@Test
	void shouldShowTheAlertsInABoundedNumberOfQueries() throws Exception {
		long forFew = statementsFor("/alerts", this.few.reader());
		long forMany = statementsFor("/alerts", this.many.reader());

		// One of them reads the reader's reasons, which a kept home page listens on (ThreadQueries.home).
		assertThat(forMany).isEqualTo(forFew).isLessThanOrEqualTo(7 + SESSION);
	}

	/**
	 * A reader who follows an author; the author posts and stars this many threads, each citing links,
	 * tags and the reader, and replies to the reader's thread as many times.
	 */
	private World world(int entries) throws Exception {
		String reader = TestPeople.uniqueName("reader");
		String author = TestPeople.uniqueName("author");
		MockHttpSession readerSession = TestPeople.signUp(this.mvc, reader);
		MockHttpSession authorSession = TestPeople.signUp(this.mvc, author);
		MockHttpSession other = TestPeople.signUp(this.mvc, TestPeople.uniqueName("other"));
		Social.follow(this.mvc, readerSession, author);
		long readersThread = Posting.as(this.mvc, readerSession, "Le fil du lecteur");
		for (int i = 0; i < entries; i++) {
			Posting.as(this.mvc, authorSession, "Fil " + i + "\nhttps://example.org/" + i + "\n\n@" + reader
					+ " #compte #autre" + i);
			Social.star(this.mvc, authorSession, Posting.as(this.mvc, other, "Partagé " + i + " #partage"));
			Posting.reply(this.mvc, authorSession, readersThread, "Réponse " + i + " pour @" + reader);
		}
		return new World(readerSession, author);
	}

	private long statementsFor(String path, MockHttpSession session) throws Exception {
		// A fresh copy, as a forced reload asks: a page kept in the page cache costs nothing.
		var request = get(path).header(HttpHeaders.CACHE_CONTROL, "no-cache");
		if (session != null) {
			request = request.session(session);
		}
		QueryCounting.reset();
		this.mvc.perform(request).andExpect(status().isOk());
		return QueryCounting.statements();
	}

	private record World(MockHttpSession reader, String author) {
	}

}
