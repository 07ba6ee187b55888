package org.veille.search;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import org.veille.support.IntegrationTest;
import org.veille.support.Posting;
import org.veille.support.QueryCounting;
import org.veille.support.TestPeople;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Each rule of the search language (DESIGN §5), on real PostgreSQL. */
@IntegrationTest
class SearchIntegrationTests {

	private static final AtomicLong WORDS = new AtomicLong(System.nanoTime());

	private static final Pattern NEXT = Pattern.compile("rel=\"next\" href=\"[^\"]*before=([^\"&]+)\"");

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private SearchDocuments documents;

	@Autowired
	private TransactionTemplate transactions;

	private MockHttpSession session;

	private String login;

	@BeforeEach
	void signUp() throws Exception {
		this.login = TestPeople.uniqueName("chercheur");
		this.session = TestPeople.signUp(this.mvc, this.login);
	}

	/** A word no other test writes: letters only, so the text parser keeps it whole. */
	static String word() {
		StringBuilder word = new StringBuilder("zq");
		long n = WORDS.incrementAndGet();
		while (n > 0) {
			word.append((char) ('a' + n % 26));
			n /= 26;
		}
		return word.toString();
	}

	private List<Long> found(String query) throws Exception {
		return Posting.cardIds(search(query));
	}

	private String search(String query) throws Exception {
		return this.mvc.perform(get("/search").param("q", query))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	@Test
	void shouldFindAWordInAFirstMessageAndInAReply() throws Exception {
		String inFirst = word();
		String inReply = word();
		long thread = Posting.as(this.mvc, this.session, "Un article sur " + inFirst);
		Posting.reply(this.mvc, this.session, thread, "Et la suite " + inReply);

		assertThat(found(inFirst)).containsExactly(thread);
		assertThat(found(inReply)).containsExactly(thread);
		assertThat(found(inFirst + " " + inReply)).containsExactly(thread);
	}

	@Test
	void shouldIgnoreAccentsAndCaseBothWays() throws Exception {
		String stem = word();
		long accented = Posting.as(this.mvc, this.session, "Une " + stem + "épée bien aiguisée");
		long plain = Posting.as(this.mvc, this.session, "Une " + stem.toUpperCase() + "EPEE en bois");

		assertThat(found(stem + "epee")).containsExactlyInAnyOrder(accented, plain);
		assertThat(found(stem + "ÉPÉE")).containsExactlyInAnyOrder(accented, plain);
	}

	@Test
	void shouldMatchAQuotedPhraseOnlyInThatOrder() throws Exception {
		String a = word();
		String b = word();
		long inOrder = Posting.as(this.mvc, this.session, "Voici " + a + " " + b + " ensemble");
		long reversed = Posting.as(this.mvc, this.session, "Voici " + b + " puis " + a);

		assertThat(found("\"" + a + " " + b + "\"")).containsExactly(inOrder);
		assertThat(found(a + " " + b)).containsExactlyInAnyOrder(inOrder, reversed);
	}

	@Test
	void shouldExcludeAMinusWordAndAcceptOr() throws Exception {
		String common = word();
		String left = word();
		String right = word();
		long withLeft = Posting.as(this.mvc, this.session, common + " " + left);
		long withRight = Posting.as(this.mvc, this.session, common + " " + right);

		assertThat(found(common + " -" + left)).containsExactly(withRight);
		assertThat(found(left + " or " + right)).containsExactly(withRight, withLeft);
	}

	@Test
	void shouldFilterByTagAndByAuthor() throws Exception {
		String common = word();
		String tag = word();
		long tagged = Posting.as(this.mvc, this.session, common + " étiqueté #" + tag);
		String otherLogin = TestPeople.uniqueName("autre");
		MockHttpSession other = TestPeople.signUp(this.mvc, otherLogin);
		long byOther = Posting.as(this.mvc, other, common + " par quelqu'un d'autre");

		assertThat(found(common + " #" + tag)).containsExactly(tagged);
		assertThat(found("#" + tag)).containsExactly(tagged);
		assertThat(found(common + " @" + otherLogin)).containsExactly(byOther);
		assertThat(found("@" + this.login + " " + common)).containsExactly(tagged);
	}

	@Test
	void shouldFindTheThreadsCitingAUrlHoweverItIsSpelled() throws Exception {
		String path = word();
		long citing = Posting.as(this.mvc, this.session, "À lire https://www.example.org/" + path + "?b=2&a=1");
		long replied = Posting.as(this.mvc, this.session, "Autre chose");
		Posting.reply(this.mvc, this.session, replied, "Voir aussi https://example.org/" + path + "?a=1&b=2#haut");

		assertThat(found("https://EXAMPLE.org/" + path + "?a=1&b=2&utm_source=x")).containsExactly(replied, citing);
	}

	@Test
	void shouldFindTheTitleOfACitedPageOnceItIsFetched() throws Exception {
		String titleWord = word();
		String path = word();
		long thread = Posting.as(this.mvc, this.session, "Sans commentaire https://example.net/" + path);
		assertThat(found(titleWord)).isEmpty();

		// What FetchQueue.complete stores, then the documents of the citing threads are refreshed.
		this.jdbc.sql("update links set title = :title where normalized = :key")
			.param("title", "Le titre " + titleWord)
			.param("key", "https://example.net/" + path)
			.update();
		refreshCiting("https://example.net/" + path);

		assertThat(found(titleWord)).containsExactly(thread);
	}

	private void refreshCiting(String key) {
		long link = this.jdbc.sql("select id from links where normalized = :key").param("key", key).query(Long.class).single();
		this.transactions.executeWithoutResult((status) -> this.documents.refreshCiting(link));
	}

	@Test
	void shouldForgetEditedAndDeletedText() throws Exception {
		String before = word();
		String after = word();
		String gone = word();
		long thread = Posting.as(this.mvc, this.session, "Première version " + before);
		long reply = Posting.reply(this.mvc, this.session, thread, "Réponse " + gone);
		Posting.edit(this.mvc, this.session, thread, "Seconde version " + after);
		Posting.delete(this.mvc, this.session, reply);

		assertThat(found(before)).isEmpty();
		assertThat(found(after)).containsExactly(thread);
		assertThat(found(gone)).isEmpty();

		Posting.delete(this.mvc, this.session, thread);
		assertThat(found(after)).isEmpty();
	}

	@Test
	void shouldRankTheFirstMessageAboveRepliesInRelevanceOrder() throws Exception {
		String key = word();
		long inFirst = Posting.as(this.mvc, this.session, "Au cœur du sujet " + key);
		long other = Posting.as(this.mvc, this.session, "Un autre fil");
		Posting.reply(this.mvc, this.session, other, "En passant " + key);

		assertThat(found(key)).containsExactly(other, inFirst);
		assertThat(Posting.cardIds(this.mvc.perform(get("/search").param("q", key).param("order", "relevance"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString())).containsExactly(inFirst, other);
	}

	@Test
	void shouldPageByKeysetWithoutGapsOrRepeatsWhenMessagesArriveBetweenPages() throws Exception {
		for (String order : List.of("newest", "relevance")) {
			String key = word();
			List<Long> posted = new ArrayList<>();
			for (int i = 0; i < 27; i++) {
				posted.add(Posting.as(this.mvc, this.session, "Page " + i + " " + key));
			}
			String first = this.mvc.perform(get("/search").param("q", key).param("order", order))
				.andReturn().getResponse().getContentAsString();
			Matcher next = NEXT.matcher(first);
			assertThat(next.find()).isTrue();
			Posting.as(this.mvc, this.session, "Arrivé entre deux pages " + key);
			if (order.equals("newest")) {
				// A reply changes the thread's document but not its place in the newest-first order. (In relevance
				// order it may change its rank, and so its place: see docs/architecture.md, "Search".)
				Posting.reply(this.mvc, this.session, posted.get(0), "Une réponse " + key);
			}
			String second = this.mvc
				.perform(get("/search").param("q", key).param("order", order).param("before", next.group(1)))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

			List<Long> shown = new ArrayList<>(Posting.cardIds(first));
			shown.addAll(Posting.cardIds(second));
			assertThat(Posting.cardIds(first)).hasSize(25);
			assertThat(shown).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(posted);
			if (order.equals("newest")) {
				List<Long> newestFirst = new ArrayList<>(posted);
				Collections.reverse(newestFirst);
				assertThat(shown).isEqualTo(newestFirst);
			}
		}
	}

	@Test
	void shouldProposeTagsStartingWithTheWordAboveTheResults() throws Exception {
		String tag = word();
		Posting.as(this.mvc, this.session, "Fil #" + tag + "suite");

		assertThat(search(tag)).contains("href=\"/tag/" + tag + "suite\"");
	}

	@Test
	void shouldServeTheSearchAsAnAtomFeedAnsweringNotModified() throws Exception {
		String key = word();
		Posting.as(this.mvc, this.session, "Pour le flux " + key);
		var response = this.mvc.perform(get("/search/feed").param("q", key))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Pour le flux " + key)))
			.andReturn().getResponse();

		this.mvc.perform(get("/search/feed").param("q", key).header("If-None-Match", response.getHeader("ETag")))
			.andExpect(status().isNotModified());
	}

	@Test
	void shouldSearchInABoundedNumberOfQueries() throws Exception {
		String few = word();
		String many = word();
		for (int i = 0; i < 2; i++) {
			Posting.as(this.mvc, this.session, "Peu " + few + " https://example.com/" + i + " #" + few + "x");
		}
		for (int i = 0; i < 30; i++) {
			Posting.as(this.mvc, this.session, "Beaucoup " + many + " https://example.com/" + i + " #" + many + "x");
		}

		long forFew = QueryCounting.statementsFor(this.mvc, "/search?q=" + few);
		long forMany = QueryCounting.statementsFor(this.mvc, "/search?q=" + many);

		assertThat(forMany).isEqualTo(forFew);
		assertThat(forMany).isLessThanOrEqualTo(6);
	}

}
