package org.veille.message;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import org.veille.support.IntegrationTest;
import org.veille.support.Posting;
import org.veille.support.Social;
import org.veille.support.TestPeople;
import org.veille.thread.ThreadSummary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What a thread page shows of each message the same for every reader (its meta line, text, chips and link cards)
 * is rendered once per version of what it shows, language and text of its relative time, and shared; what
 * depends on the reader (edit, delete, report) is rendered at each view (issue 16). Each kind of change gives the
 * part another key: a stale part fails one of these tests. Pages are asked for afresh (a forced reload) so that the
 * page cache does not answer in place of rendering.
 */
@IntegrationTest
class MessagePartsIntegrationTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private MessageParts parts;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void shouldRenderEachMessageOnceForEveryReaderAndTheActionsForEachReader() throws Exception {
		String authorLogin = TestPeople.uniqueName("partauthor");
		MockHttpSession author = TestPeople.signUp(this.mvc, authorLogin);
		MockHttpSession replier = TestPeople.signUp(this.mvc, TestPeople.uniqueName("partreplier"));
		MockHttpSession reader = TestPeople.signUp(this.mvc, TestPeople.uniqueName("partreader"));
		long thread = Posting.as(this.mvc, author, "Un fil partagé #" + TestPeople.uniqueName("partage").toLowerCase());
		long first = Posting.reply(this.mvc, replier, thread, "Une première réponse");
		long second = Posting.reply(this.mvc, replier, thread, "Une seconde réponse");

		long rendered = this.parts.misses();
		String anonymous = render(null, thread, "en");
		assertThat(this.parts.misses()).as("each message rendered once, whole").isEqualTo(rendered + 3);
		long shared = this.parts.hits();
		String again = render(null, thread, "en");
		String byReader = render(reader, thread, "en");
		assertThat(this.parts.misses()).as("and once without the article, for the readers' actions")
			.isEqualTo(rendered + 6);
		String byAuthor = render(author, thread, "en");
		String byReplier = render(replier, thread, "en");

		assertThat(this.parts.misses()).as("then shared by every reader").isEqualTo(rendered + 6);
		assertThat(this.parts.hits()).isGreaterThanOrEqualTo(shared + 9);
		for (String page : List.of(anonymous, again, byReader, byAuthor, byReplier)) {
			assertThat(page).contains("Un fil partagé", "Une première réponse", "Une seconde réponse");
		}
		assertThat(anonymous).doesNotContain("/edit\"", "/delete\"", "/report\"");
		assertThat(byReader).doesNotContain("/edit\"", "/delete\"")
			.contains(reportPath(thread), reportPath(first), reportPath(second));
		assertThat(byAuthor).contains(editPath(thread), deletePath(thread), deletePath(first), deletePath(second),
				reportPath(first))
			.doesNotContain(editPath(first), reportPath(thread));
		assertThat(byReplier).contains(editPath(first), editPath(second), deletePath(first), reportPath(thread))
			.doesNotContain(editPath(thread), deletePath(thread), reportPath(first));
	}

	@Test
	void shouldShowAnEditedReplyAndAMentionOfSomeoneWhoSignedUpSince() throws Exception {
		MockHttpSession author = TestPeople.signUp(this.mvc, TestPeople.uniqueName("partedit"));
		String latecomer = TestPeople.uniqueName("latecomer");
		long thread = Posting.as(this.mvc, author, "Un fil qui change");
		long reply = Posting.reply(this.mvc, author, thread, "Avant la retouche, pour @" + latecomer);
		assertThat(render(null, thread, "en")).contains("Avant la retouche")
			.doesNotContain("href=\"/people/" + latecomer + "\"");

		TestPeople.signUp(this.mvc, latecomer);
		assertThat(render(null, thread, "en")).as("the mention links to the person now")
			.contains("href=\"/people/" + latecomer + "\"");

		Posting.edit(this.mvc, author, reply, "Après la retouche, pour @" + latecomer);
		assertThat(render(null, thread, "en")).contains("Après la retouche").doesNotContain("Avant la retouche");
	}

	@Test
	void shouldShowAFetchedTitleATagsNewSpellingAndTheAuthorsNewName() throws Exception {
		String login = TestPeople.uniqueName("partchips");
		MockHttpSession author = TestPeople.signUp(this.mvc, login);
		MockHttpSession others = TestPeople.signUp(this.mvc, TestPeople.uniqueName("partspellers"));
		String tag = TestPeople.uniqueName("epeler").toLowerCase(Locale.ROOT);
		String url = "https://parts.example.org/" + tag;
		long thread = Posting.as(this.mvc, author, "Un fil qui cite " + url);
		Posting.reply(this.mvc, author, thread, "Étiqueté par une réponse #" + tag);
		assertThat(render(null, thread, "en")).contains("#" + tag).doesNotContain("Le titre arrivé");

		this.jdbc.sql("update links set fetch_status = 'fetched', checked_at = now(), title = 'Le titre arrivé' "
				+ "where url = :url").param("url", url).update();
		assertThat(render(null, thread, "en")).as("a fetched title").contains("Le titre arrivé");

		String shouted = tag.toUpperCase(Locale.ROOT);
		Posting.as(this.mvc, others, "Autrement écrit #" + shouted);
		Posting.as(this.mvc, others, "Encore autrement écrit #" + shouted);
		assertThat(render(null, thread, "en")).as("the chip of the first message, in the tag's new spelling")
			.contains("#" + shouted);

		this.mvc.perform(post("/settings").session(author).with(csrf()).param("displayName", "Un Nom Nouveau")
			.param("email", TestPeople.address(login)).param("language", "en")).andExpect(status().is3xxRedirection());
		assertThat(render(null, thread, "en")).as("the author's new name").contains("Un Nom Nouveau");
	}

	@Test
	void shouldShowWhyAFetchFailedToThePosterOnly() throws Exception {
		String login = TestPeople.uniqueName("partposter");
		MockHttpSession author = TestPeople.signUp(this.mvc, login);
		String url = "https://failed.example.org/" + login;
		long thread = Posting.as(this.mvc, author, "Un lien qui échoue " + url);
		this.jdbc.sql("update links set fetch_status = 'failed', checked_at = now(), failure_reason = 'TIMEOUT' "
				+ "where url = :url").param("url", url).update();
		String why = "The site took too long to answer.";

		assertThat(render(author, thread, "en")).contains(why);
		assertThat(render(null, thread, "en")).contains("No preview.").doesNotContain(why);
		assertThat(render(author, thread, "en")).contains(why);
	}

	@Test
	void shouldShowNewRepliesAndStarsOnARenderedThread() throws Exception {
		MockHttpSession author = TestPeople.signUp(this.mvc, TestPeople.uniqueName("partcounts"));
		MockHttpSession reader = TestPeople.signUp(this.mvc, TestPeople.uniqueName("partstar"));
		long thread = Posting.as(this.mvc, author, "Un fil compté");
		assertThat(render(null, thread, "en")).contains("No reply yet", "No star yet");

		Social.star(this.mvc, reader, thread);
		Posting.reply(this.mvc, author, thread, "Une réponse comptée");

		assertThat(render(null, thread, "en")).contains("One reply", "★ One star", "Une réponse comptée");
	}

	@Test
	void shouldRenderAPartAgainInAnotherLanguageOrWhenItsTimeReadsDifferently() throws Exception {
		ThreadSummary twoDays = summary(Instant.now().minus(Duration.ofDays(2)).minusSeconds(60));
		ThreadSummary threeDays = new ThreadSummary(twoDays.id(), twoDays.threadId(), twoDays.uuid(), twoDays.title(),
				twoDays.html(), twoDays.authorLogin(), null, twoDays.publishedAt().minus(Duration.ofDays(1)),
				twoDays.updatedAt(), List.of(), List.of(), List.of(), 0, 0, null, twoDays.listedAt());
		RequestContextHolder.setRequestAttributes(
				new ServletRequestAttributes(new MockHttpServletRequest(), new MockHttpServletResponse()));
		try {
			long rendered = this.parts.misses();
			LocaleContextHolder.setLocale(Locale.ENGLISH);
			String part = this.parts.part(twoDays, null);
			String again = this.parts.part(twoDays, "someone-else");
			String older = this.parts.part(threeDays, null);
			LocaleContextHolder.setLocale(Locale.FRENCH);
			String french = this.parts.part(twoDays, null);
			LocaleContextHolder.setLocale(Locale.ENGLISH);
			String article = this.parts.articles(List.of(twoDays)).get(0);

			assertThat(part).isSameAs(again)
				.contains("href=\"/people/" + twoDays.authorLogin() + "\"", "2 days ago", "Un texte déjà rendu")
				.doesNotContain("<article");
			assertThat(older).contains("3 days ago");
			assertThat(french).contains("il y a 2\u00a0jours");
			assertThat(article).startsWith("<article class=\"card message\" id=\"m" + twoDays.id() + "\">")
				.contains(part)
				.endsWith("</article>");
			assertThat(this.parts.misses()).as("once per language and text of its time, whole or not")
				.isEqualTo(rendered + 4);
		}
		finally {
			LocaleContextHolder.resetLocaleContext();
			RequestContextHolder.resetRequestAttributes();
		}
	}

	private static ThreadSummary summary(Instant publishedAt) {
		long id = System.nanoTime();
		return new ThreadSummary(id, id, UUID.randomUUID(), "Un titre", "<p>Un texte déjà rendu</p>", "partmeta",
				null, publishedAt, publishedAt, List.of(), List.of(), List.of(), 0, 0, null, publishedAt);
	}

	private static String editPath(long id) {
		return "/messages/" + id + "/edit\"";
	}

	private static String deletePath(long id) {
		return "/messages/" + id + "/delete\"";
	}

	private static String reportPath(long id) {
		return "/messages/" + id + "/report\"";
	}

	private String render(MockHttpSession session, long thread, String language) throws Exception {
		MockHttpServletRequestBuilder request = get("/messages/" + thread).header(HttpHeaders.ACCEPT_LANGUAGE, language)
			.header(HttpHeaders.CACHE_CONTROL, "no-cache");
		if (session != null) {
			request = request.session(session);
		}
		return this.mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

}
