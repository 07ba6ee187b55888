package org.veille.search;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import org.veille.support.IntegrationTest;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Whatever is typed in the search box, the answer is a page saying what happened, never a 500. */
@IntegrationTest
class SearchBadInputIntegrationTests {

	@Autowired
	private MockMvc mvc;

	@Test
	void shouldRefuseAThousandCharacterQueryKeepingItsText() throws Exception {
		String query = "mot ".repeat(250);
		this.mvc.perform(get("/search").param("q", query))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("at most 500 characters")))
			.andExpect(content().string(containsString("value=\"" + query.strip() + "\"")));
	}

	@ParameterizedTest
	@ValueSource(strings = { "- or \"\" -", "\"", "\"unbalanced quote", "' or 1=1 --", "a:* & b | !c", "(a & b) <-> c",
			"\\ \\\\ \\'", "!!!", "& | ! ( ) :*", "-\"\" or or -", "#", "@", "https://", "#)(", "@'; drop table tags;" })
	void shouldAnswerOperatorsAndSyntaxCharactersWithAPage(String query) throws Exception {
		this.mvc.perform(get("/search").param("q", query)).andExpect(status().isOk())
			.andExpect(content().string(containsString("<h1>Search</h1>")));
		this.mvc.perform(get("/search").param("q", query).param("order", "relevance")).andExpect(status().isOk());
		this.mvc.perform(get("/search/feed").param("q", query)).andExpect(status().isOk());
	}

	@Test
	void shouldSayThereIsNothingToSearchForOnlyOperators() throws Exception {
		this.mvc.perform(get("/search").param("q", "- \" or \""))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("nothing to look for")));
	}

	@Test
	void shouldShowTheEmptyFormForAnEmptyQuery() throws Exception {
		this.mvc.perform(get("/search")).andExpect(status().isOk())
			.andExpect(content().string(containsString("name=\"q\"")));
		this.mvc.perform(get("/search").param("q", "   ")).andExpect(status().isOk());
	}

	@Test
	void shouldAnswer400ForAGarbageCursorOrOrder() throws Exception {
		this.mvc.perform(get("/search").param("q", "mot").param("before", "'; select 1"))
			.andExpect(status().isBadRequest());
		this.mvc.perform(get("/search").param("q", "mot").param("before", "99999999999999999999-1"))
			.andExpect(status().isBadRequest());
		this.mvc.perform(get("/search").param("q", "mot").param("order", "sideways"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("<h1>")));
	}

}
