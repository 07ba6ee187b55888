package org.veille.pagecache;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import org.veille.support.IntegrationTest;
import org.veille.support.Posting;
import org.veille.support.QueryCounting;
import org.veille.support.TestPeople;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Pages kept in memory are served again only while nothing they show has changed, and only to the reader
 * they were rendered for.
 */
@IntegrationTest
class PageCacheIntegrationTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void shouldServeAPageAgainWithoutAskingTheDatabase() throws Exception {
		String tag = newTagWithOneThread("Une première lecture");
		String first = Posting.page(this.mvc, null, "/tag/" + tag);

		// The database also announces the posting, a moment later: the page kept before that is dropped once.
		await().atMost(Duration.ofSeconds(10)).until(() -> {
			QueryCounting.reset();
			String again = Posting.page(this.mvc, null, "/tag/" + tag);
			return QueryCounting.statements() == 0 && again.equals(first);
		});
		assertThat(first).contains("Une première lecture");
	}

	@Test
	void shouldRenderAfreshOnAForcedReload() throws Exception {
		String tag = newTagWithOneThread("Relue de force");
		Posting.page(this.mvc, null, "/tag/" + tag);

		long statements = QueryCounting.statementsFor(this.mvc, "/tag/" + tag);

		assertThat(statements).isPositive();
	}

	@Test
	void shouldShowAReplyAsSoonAsItIsPosted() throws Exception {
		MockHttpSession author = TestPeople.signUp(this.mvc, TestPeople.uniqueName("cacheauthor"));
		long thread = Posting.as(this.mvc, author, "Un fil qu'on relit");
		assertThat(Posting.page(this.mvc, null, "/messages/" + thread)).doesNotContain("Une réponse toute fraîche");

		Posting.reply(this.mvc, author, thread, "Une réponse toute fraîche");

		assertThat(Posting.page(this.mvc, null, "/messages/" + thread)).contains("Une réponse toute fraîche");
	}

	@Test
	void shouldSeeAChangeCommittedByAnotherWriter() throws Exception {
		String tag = newTagWithOneThread("Changé ailleurs");
		Posting.page(this.mvc, null, "/tag/" + tag);

		// Outside this application's transactions, as another instance or a script would write.
		this.jdbc.sql("update tags set display = :display where key = :key")
			.param("display", tag.toUpperCase())
			.param("key", tag)
			.update();

		await().atMost(Duration.ofSeconds(10))
			.until(() -> Posting.page(this.mvc, null, "/tag/" + tag).contains("#" + tag.toUpperCase()));
	}

	@Test
	void shouldKeepEachReadersPageApart() throws Exception {
		MockHttpSession author = TestPeople.signUp(this.mvc, TestPeople.uniqueName("cacheowner"));
		long thread = Posting.as(this.mvc, author, "Mon fil, que je peux modifier");
		String editLink = "/messages/" + thread + "/edit";

		assertThat(Posting.page(this.mvc, author, "/messages/" + thread)).contains(editLink);
		assertThat(Posting.page(this.mvc, null, "/messages/" + thread)).doesNotContain(editLink);
		MockHttpSession someoneElse = TestPeople.signUp(this.mvc, TestPeople.uniqueName("cachereader"));
		assertThat(Posting.page(this.mvc, someoneElse, "/messages/" + thread)).doesNotContain(editLink);
		assertThat(Posting.page(this.mvc, author, "/messages/" + thread)).contains(editLink);
	}

	@Test
	void shouldKeepEachLanguageApart() throws Exception {
		String tag = newTagWithOneThread("Deux langues");

		String english = this.mvc.perform(get("/tag/" + tag).header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
			.andReturn().getResponse().getContentAsString();
		MvcResult french = this.mvc.perform(get("/tag/" + tag).header(HttpHeaders.ACCEPT_LANGUAGE, "fr")).andReturn();

		assertThat(french.getResponse().getContentAsString()).isNotEqualTo(english).contains("lang=\"fr\"");
		assertThat(french.getResponse().getHeader(HttpHeaders.CONTENT_LANGUAGE)).isEqualTo("fr");
	}

	@Test
	void shouldShowAOneTimeNoticeOnlyOnce() throws Exception {
		String tag = newTagWithOneThread("Suivi puis relu");
		MockHttpSession reader = TestPeople.signUp(this.mvc, TestPeople.uniqueName("cachefollower"));
		this.mvc.perform(post("/follows/tags").session(reader).with(csrf()).param("tag", tag))
			.andExpect(status().is3xxRedirection());

		assertThat(Posting.page(this.mvc, reader, "/tag/" + tag)).contains("its threads will be in your stream");
		assertThat(Posting.page(this.mvc, reader, "/tag/" + tag)).doesNotContain("its threads will be in your stream");
	}

	@Test
	void shouldAnswerARepeatedConditionalRequestFromMemoryUntilTheFeedChanges() throws Exception {
		MockHttpSession author = TestPeople.signUp(this.mvc, TestPeople.uniqueName("cachefeed"));
		String tag = TestPeople.uniqueName("cachefeed").toLowerCase();
		Posting.as(this.mvc, author, "Premier billet #" + tag);
		String etag = this.mvc.perform(get("/tag/" + tag + "/feed")).andReturn().getResponse().getHeader(HttpHeaders.ETAG);
		this.mvc.perform(get("/tag/" + tag + "/feed").header(HttpHeaders.IF_NONE_MATCH, etag))
			.andExpect(status().isNotModified());

		await().atMost(Duration.ofSeconds(10)).until(() -> {
			QueryCounting.reset();
			int answer = this.mvc.perform(get("/tag/" + tag + "/feed").header(HttpHeaders.IF_NONE_MATCH, etag))
				.andReturn().getResponse().getStatus();
			return answer == 304 && QueryCounting.statements() == 0;
		});

		Posting.as(this.mvc, author, "Second billet #" + tag);
		this.mvc.perform(get("/tag/" + tag + "/feed").header(HttpHeaders.IF_NONE_MATCH, etag))
			.andExpect(status().isOk());
	}

	private String newTagWithOneThread(String text) throws Exception {
		MockHttpSession author = TestPeople.signUp(this.mvc, TestPeople.uniqueName("cached"));
		String tag = TestPeople.uniqueName("cache").toLowerCase();
		Posting.as(this.mvc, author, text + " #" + tag);
		return tag;
	}

}
