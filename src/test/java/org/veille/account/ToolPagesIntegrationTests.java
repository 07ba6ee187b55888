package org.veille.account;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import org.veille.support.IntegrationTest;
import org.veille.support.Posting;
import org.veille.support.TestPeople;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The settings pages of issue 6 (API tokens and home feed, import and export, bookmarklet): for
 * signed-in people only, in both languages.
 */
@IntegrationTest
class ToolPagesIntegrationTests {

	@Autowired
	private MockMvc mvc;

	@ParameterizedTest
	@ValueSource(strings = { "/settings/api", "/settings/import", "/settings/bookmarklet" })
	void shouldShowTheToolPagesInBothLanguagesToSignedInPeopleOnly(String path) throws Exception {
		MockHttpSession me = TestPeople.signUp(this.mvc, TestPeople.uniqueName("tools"));

		String english = this.mvc.perform(get(path).session(me).header("Accept-Language", "en"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		MockHttpServletResponse french = this.mvc.perform(get(path).session(me).header("Accept-Language", "fr"))
			.andReturn()
			.getResponse();
		MockHttpServletResponse anonymous = this.mvc.perform(get(path)).andReturn().getResponse();

		assertThat(english).contains("href=\"/settings/api\"").doesNotContain("??");
		assertThat(french.getStatus()).isEqualTo(200);
		assertThat(french.getContentAsString()).contains("lang=\"fr\"").doesNotContain("??");
		assertThat(anonymous.getStatus()).isEqualTo(302);
		assertThat(anonymous.getRedirectedUrl()).endsWith("/login");
	}

	@Test
	void shouldGiveABookmarkletThatOpensThePostFormWithTitleUrlAndSelection() throws Exception {
		MockHttpSession me = TestPeople.signUp(this.mvc, TestPeople.uniqueName("marklet"));

		String page = Posting.page(this.mvc, me, "/settings/bookmarklet");
		String form = this.mvc
			.perform(get("/post").session(me)
				.param("title", "Le vrai titre")
				.param("url", "https://news.example.org/a")
				.param("selection", "Une phrase choisie"))
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(page).contains("href=\"javascript:(function(){")
			.contains("link[rel=canonical]")
			.contains("/post?title=")
			.contains("&amp;url=")
			.contains("&amp;selection=");
		assertThat(form).contains("Le vrai titre\nhttps://news.example.org/a\n\n❝Une phrase choisie❞");
	}

}
