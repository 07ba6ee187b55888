package org.veille.thread;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A card's text, chips, link cards and counts are rendered once per version of its thread and language, and
 * shared by every page and every reader but its poster (issue 16). Pages are asked for afresh (a forced reload)
 * so that the page cache does not answer in place of rendering.
 */
@IntegrationTest
class CardsIntegrationTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private Cards cards;

	@Test
	void shouldRenderACardOnceForEveryReaderOfALanguageOnEveryPage() throws Exception {
		String login = TestPeople.uniqueName("cardauthor");
		MockHttpSession author = TestPeople.signUp(this.mvc, login);
		String tag = TestPeople.uniqueName("carte").toLowerCase();
		Posting.as(this.mvc, author, "Une carte partagée #" + tag);
		MockHttpSession one = TestPeople.signUp(this.mvc, TestPeople.uniqueName("cardone"));
		MockHttpSession another = TestPeople.signUp(this.mvc, TestPeople.uniqueName("cardtwo"));

		long rendered = this.cards.misses();
		String first = render(null, "/tag/" + tag, "en");
		assertThat(this.cards.misses()).isEqualTo(rendered + 1);
		long shared = this.cards.hits();
		String second = render(one, "/tag/" + tag, "en");
		String third = render(another, "/tag/" + tag, "en");
		String personPage = render(null, "/people/" + login, "en");

		assertThat(this.cards.misses()).as("rendered once").isEqualTo(rendered + 1);
		assertThat(this.cards.hits()).as("served from memory to the others").isGreaterThanOrEqualTo(shared + 3);
		for (String page : new String[] { first, second, third, personPage }) {
			assertThat(page).contains("Une carte partagée").contains("#" + tag);
		}
	}

	@Test
	void shouldRenderACardApartForItsPosterAndForEachLanguage() throws Exception {
		MockHttpSession author = TestPeople.signUp(this.mvc, TestPeople.uniqueName("cardposter"));
		String tag = TestPeople.uniqueName("langue").toLowerCase();
		Posting.as(this.mvc, author, "Une carte en deux langues #" + tag);
		render(null, "/tag/" + tag, "en");

		long rendered = this.cards.misses();
		render(author, "/tag/" + tag, "en");
		String french = render(null, "/tag/" + tag, "fr");

		assertThat(this.cards.misses()).isEqualTo(rendered + 2);
		assertThat(french).contains("lang=\"fr\"");
	}

	@Test
	void shouldRenderANewVersionOfACardOnceItsThreadChanged() throws Exception {
		MockHttpSession author = TestPeople.signUp(this.mvc, TestPeople.uniqueName("cardchanged"));
		MockHttpSession reader = TestPeople.signUp(this.mvc, TestPeople.uniqueName("cardstar"));
		String tag = TestPeople.uniqueName("version").toLowerCase();
		long thread = Posting.as(this.mvc, author, "Une carte qui change #" + tag);
		assertThat(render(null, "/tag/" + tag, "en")).doesNotContain("one reply").doesNotContain("★ 1");

		Social.star(this.mvc, reader, thread);
		Posting.reply(this.mvc, author, thread, "Une réponse qui compte");

		assertThat(render(null, "/tag/" + tag, "en")).contains("one reply").contains("★ 1");
	}

	@Test
	void shouldKeepTheMetaLineInTheSharedCardAndRenderItAgainWhenItsTimeReadsDifferently() throws Exception {
		ThreadSummary twoDays = summary(Instant.now().minus(Duration.ofDays(2)).minusSeconds(60));
		ThreadSummary threeDays = summary(twoDays.publishedAt().minus(Duration.ofDays(1)));
		RequestContextHolder.setRequestAttributes(
				new ServletRequestAttributes(new MockHttpServletRequest(), new MockHttpServletResponse()));
		try {
			long rendered = this.cards.misses();
			String card = this.cards.card(twoDays, null);
			String again = this.cards.card(twoDays, "someone-else");
			String older = this.cards.card(threeDays, null);

			assertThat(card).isEqualTo(again)
				.contains("<article class=\"card\" id=\"m" + twoDays.id() + "\"")
				.contains("href=\"/people/" + twoDays.authorLogin() + "\"", "2 days ago", "Un texte déjà rendu");
			assertThat(older).contains("3 days ago");
			assertThat(this.cards.misses()).as("rendered once per text of its time").isEqualTo(rendered + 2);
		}
		finally {
			RequestContextHolder.resetRequestAttributes();
		}
	}

	private static ThreadSummary summary(Instant publishedAt) {
		long id = System.nanoTime();
		return new ThreadSummary(id, id, UUID.randomUUID(), "Un titre", "<p>Un texte déjà rendu</p>", "cardmeta",
				null, publishedAt, publishedAt, List.of(), List.of(), List.of(), 0, 0, null, publishedAt);
	}

	private String render(MockHttpSession session, String path, String language) throws Exception {
		MockHttpServletRequestBuilder request = get(path).header(HttpHeaders.ACCEPT_LANGUAGE, language)
			.header(HttpHeaders.CACHE_CONTROL, "no-cache");
		if (session != null) {
			request = request.session(session);
		}
		return this.mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

}
