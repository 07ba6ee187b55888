package org.veille.complete;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import org.veille.support.IntegrationTest;
import org.veille.support.Posting;
import org.veille.support.QueryCounting;
import org.veille.support.TestPeople;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Suggestions while typing: existing tags by the start of their key (accents folded), logins by their
 * start whatever the case; never more than eight, one query, and what was typed taken literally.
 */
@IntegrationTest
class CompletionIntegrationTests {

	@Autowired
	private MockMvc mvc;

	@Test
	void shouldSuggestTagsByTheStartOfTheirKey() throws Exception {
		String stem = "Écologie_" + TestPeople.uniqueName("c");
		MockHttpSession session = TestPeople.signUp(this.mvc, TestPeople.uniqueName("tagger"));
		Posting.as(this.mvc, session, "Un fil sur les forêts #" + stem + "_forêts #" + stem + "_rivières");

		String json = answer("/complete/tags?q=" + "ecologie_" + stem.substring("Écologie_".length()));
		assertThat(json).contains("\"value\":\"" + stem + "_forêts\"").contains("\"value\":\"" + stem + "_rivières\"");
		assertThat(answer("/complete/tags?q=" + stem + "_r")).doesNotContain("forêts").contains("rivières");
		assertThat(answer("/complete/tags?q=e")).as("one letter is too short").isEqualTo("[]");
		assertThat(answer("/complete/tags?q=%25%25")).as("a % is a letter, not a wildcard").isEqualTo("[]");
	}

	@Test
	void shouldSuggestLoginsWhateverTheCaseInOneBoundedQuery() throws Exception {
		String stem = TestPeople.uniqueName("camille");
		for (int i = 0; i < 10; i++) {
			TestPeople.signUp(this.mvc, stem + i);
		}
		QueryCounting.reset();
		String json = answer("/complete/people?q=" + stem.toUpperCase());
		assertThat(QueryCounting.statements()).isEqualTo(1);
		assertThat(json).contains("\"value\":\"" + stem + "0\"");
		assertThat(json.split("\"value\"")).as("eight at most").hasSize(CompletionController.LIMIT + 1);
		assertThat(answer("/complete/people?q=" + "a".repeat(CompletionController.MAX_LENGTH + 1))).isEqualTo("[]");
	}

	private String answer(String path) throws Exception {
		return this.mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

}
