package org.veille.tag;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import org.veille.support.IntegrationTest;
import org.veille.support.Posting;
import org.veille.support.TestPeople;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class TagPageIntegrationTests {

	private static final Pattern CARD_ID = Pattern.compile("<article class=\"card\" id=\"m(\\d+)\"");

	private static final Pattern NEXT = Pattern.compile("rel=\"next\" href=\"[^\"]*before=([^\"&]+)\"");

	@Autowired
	private MockMvc mvc;

	private MockHttpSession session;

	private String tag;

	@BeforeEach
	void signUp() throws Exception {
		this.session = TestPeople.signUp(this.mvc, TestPeople.uniqueName("tagger"));
		this.tag = TestPeople.uniqueName("Sujet").toLowerCase();
	}

	@Test
	void shouldPageNewestFirstByKeysetWithoutGapsOrRepeats() throws Exception {
		List<Long> posted = new ArrayList<>();
		for (int i = 0; i < 27; i++) {
			posted.add(Posting.as(this.mvc, this.session, "Message " + i + " #" + this.tag));
		}
		String first = page("/tag/" + this.tag);
		String cursor = nextCursor(first);
		// A message posted between two page loads must not shift the second page.
		Posting.as(this.mvc, this.session, "Arrivé entre deux pages #" + this.tag);
		String second = page("/tag/" + this.tag + "?before=" + cursor);

		List<Long> shown = new ArrayList<>(cardIds(first));
		shown.addAll(cardIds(second));
		assertThat(cardIds(first)).hasSize(25);
		java.util.Collections.reverse(posted);
		assertThat(shown).isEqualTo(posted);
		assertThat(NEXT.matcher(second).find()).isFalse();
	}

	@Test
	void shouldListChildTagsThreadsUnderTheParentButNotUnderTheExactForm() throws Exception {
		long parentOnly = Posting.as(this.mvc, this.session, "Parent #" + this.tag);
		long child = Posting.as(this.mvc, this.session, "Enfant #" + this.tag + "/novembre");

		assertThat(cardIds(page("/tag/" + this.tag))).containsExactly(child, parentOnly);
		assertThat(cardIds(page("/tag/" + this.tag + "$"))).containsExactly(parentOnly);
		assertThat(cardIds(page("/tag/" + this.tag + "/novembre"))).containsExactly(child);
		assertThat(cardIds(page("/tag/" + this.tag.substring(0, this.tag.length() - 2) + "*")))
			.containsExactly(child, parentOnly);
	}

	@Test
	void shouldShowATreeWhoseOwnTagNoOneUsedButNotItsExactForm() throws Exception {
		long child = Posting.as(this.mvc, this.session, "Seul l'enfant #" + this.tag + "/decembre");
		long prefixed = Posting.as(this.mvc, this.session, "Un voisin #" + this.tag + "voisin");

		assertThat(cardIds(page("/tag/" + this.tag))).containsExactly(child);
		assertThat(cardIds(page("/tag/" + this.tag + "*"))).containsExactly(prefixed, child);
		this.mvc.perform(get("/tag/" + this.tag + "$")).andExpect(status().isNotFound());
		this.mvc.perform(get("/tag/" + this.tag + "/feed"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/messages/" + child)));
		this.mvc.perform(get("/tag/" + this.tag + "/decembre/rien")).andExpect(status().isNotFound());
		this.mvc.perform(get("/tag/" + this.tag + "/decembre/rien*")).andExpect(status().isNotFound());
		// The last code point, which ends the statement's range of keys: no tag can start with it.
		this.mvc.perform(get("/tag/\uDBFF\uDFFF*")).andExpect(status().is4xxClientError());
	}

	@Test
	void shouldShowTheMostUsedSpellingOfATag() throws Exception {
		String upper = this.tag.toUpperCase();
		Posting.as(this.mvc, this.session, "Un #" + upper);
		Posting.as(this.mvc, this.session, "Deux #" + upper);
		Posting.as(this.mvc, this.session, "Trois #" + this.tag);

		String html = page("/tag/" + this.tag);
		assertThat(html).contains("<h1>#" + upper + "</h1>");
	}

	@Test
	void shouldOfferTheFeedForAutodiscovery() throws Exception {
		Posting.as(this.mvc, this.session, "Flux #" + this.tag);

		this.mvc.perform(get("/tag/" + this.tag))
			.andExpect(content().string(containsString(
					"<link rel=\"alternate\" type=\"application/atom+xml\" title=\"#" + this.tag + "\" href=\"/tag/"
							+ this.tag + "/feed\">")))
			.andExpect(content().string(containsString("<link rel=\"canonical\" href=\"/tag/" + this.tag + "\">")));
	}

	@Test
	void shouldAnswerConditionalFeedRequestsWithNotModified() throws Exception {
		Posting.as(this.mvc, this.session, "Premier #" + this.tag);
		MvcResult first = this.mvc.perform(get("/tag/" + this.tag + "/feed")).andExpect(status().isOk()).andReturn();
		String etag = first.getResponse().getHeader("ETag");
		String lastModified = first.getResponse().getHeader("Last-Modified");
		assertThat(etag).isNotBlank();
		assertThat(lastModified).isNotBlank();

		this.mvc.perform(get("/tag/" + this.tag + "/feed").header("If-None-Match", etag))
			.andExpect(status().isNotModified())
			.andExpect(content().string(""));
		this.mvc.perform(get("/tag/" + this.tag + "/feed").header("If-Modified-Since", lastModified))
			.andExpect(status().isNotModified());

		Posting.as(this.mvc, this.session, "Second #" + this.tag);
		this.mvc.perform(get("/tag/" + this.tag + "/feed").header("If-None-Match", etag))
			.andExpect(status().isOk())
			.andExpect(header().string("ETag", org.hamcrest.Matchers.not(etag)))
			.andExpect(content().string(containsString("Second")));
	}

	@Test
	void shouldAnswerAnUnknownTagWithTheNotFoundPage() throws Exception {
		this.mvc.perform(get("/tag/" + this.tag + "-inconnu"))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("Not found")));
		this.mvc.perform(get("/tag/" + this.tag + "-inconnu/feed")).andExpect(status().isNotFound());
		this.mvc.perform(get("/tag/" + "x".repeat(200))).andExpect(status().isNotFound());
	}

	@Test
	void shouldAnswerAGarbledCursorWithTheBadRequestPage() throws Exception {
		Posting.as(this.mvc, this.session, "Curseur #" + this.tag);

		for (String garbage : List.of("abc", "1-", "99999999999999999999-1", "'; drop table tags; --", "-1-1x")) {
			this.mvc.perform(get("/tag/" + this.tag).param("before", garbage))
				.andExpect(status().isBadRequest())
				.andExpect(content().string(containsString("Bad request")));
		}
	}

	private String page(String path) throws Exception {
		return this.mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	private static List<Long> cardIds(String html) {
		List<Long> ids = new ArrayList<>();
		Matcher matcher = CARD_ID.matcher(html);
		while (matcher.find()) {
			ids.add(Long.parseLong(matcher.group(1)));
		}
		return ids;
	}

	private static String nextCursor(String html) {
		Matcher matcher = NEXT.matcher(html);
		assertThat(matcher.find()).as("a link to the next page").isTrue();
		return matcher.group(1);
	}

}
