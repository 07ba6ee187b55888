package org.veille.web;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import org.veille.support.IntegrationTest;
import org.veille.support.Posting;
import org.veille.support.Social;
import org.veille.support.TestPeople;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The pages of conversations and of the social graph, filled, render in English and in French
 * without a missing label.
 */
@IntegrationTest
class PagesInBothLanguagesIntegrationTests {

	@Autowired
	private MockMvc mvc;

	@ParameterizedTest
	@ValueSource(strings = { "en", "fr" })
	void shouldShowEveryLabel(String language) throws Exception {
		String mine = TestPeople.uniqueName("bilingual");
		String theirs = TestPeople.uniqueName("other");
		MockHttpSession me = TestPeople.signUp(this.mvc, mine);
		MockHttpSession them = TestPeople.signUp(this.mvc, theirs);
		long thread = Posting.as(this.mvc, them, "Un fil #" + theirs + "\nhttps://example.org/" + theirs);
		long reply = Posting.reply(this.mvc, me, thread, "Une réponse pour @" + theirs);
		Posting.reply(this.mvc, them, thread, "Merci @" + mine);
		Social.follow(this.mvc, me, theirs);
		Social.follow(this.mvc, them, mine);
		Social.star(this.mvc, me, thread);
		Social.followTag(this.mvc, me, theirs);
		Social.followSite(this.mvc, me, "example.org");

		for (String path : List.of("/", "/all", "/messages/" + thread, "/messages/" + reply + "/edit", "/people",
				"/people/" + theirs, "/people/" + mine + "/only", "/alerts", "/settings", "/tag/" + theirs.toLowerCase())) {
			String html = this.mvc.perform(get(path).session(me).header("Accept-Language", language))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(html).as(path).doesNotContain("??").contains("<html lang=\"" + language + "\"");
		}
	}

}
