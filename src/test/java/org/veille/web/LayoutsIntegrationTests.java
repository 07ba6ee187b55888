package org.veille.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import org.veille.support.Admins;
import org.veille.support.IntegrationTest;
import org.veille.support.TestPeople;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The layout's header and footer are rendered once per language, site name and reader, and each reader still
 * sees their own (issue 16). Pages are asked for afresh so that the page cache does not answer in their place.
 */
@IntegrationTest
class LayoutsIntegrationTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private Layouts layouts;

	@Test
	void shouldRenderAReadersHeaderOnceAndShowEachReaderTheirOwn() throws Exception {
		String one = TestPeople.uniqueName("layoutone");
		String another = TestPeople.uniqueName("layouttwo");
		MockHttpSession first = TestPeople.signUp(this.mvc, one);
		MockHttpSession second = TestPeople.signUp(this.mvc, another);

		long rendered = this.layouts.misses();
		String page = render(first, "/all", "en");
		assertThat(this.layouts.misses()).as("this reader's header at least").isGreaterThan(rendered);
		rendered = this.layouts.misses();
		long hits = this.layouts.hits();
		String again = render(first, "/tags", "en");
		String theOther = render(second, "/all", "en");

		assertThat(this.layouts.hits()).as("header and footer kept").isGreaterThanOrEqualTo(hits + 3);
		assertThat(this.layouts.misses()).as("only the other reader's header").isEqualTo(rendered + 1);
		assertThat(page).contains("@" + one, "Sign out", "Everything").doesNotContain("Sign in", "/admin/people");
		assertThat(again).contains("@" + one);
		assertThat(theOther).contains("@" + another).doesNotContain("@" + one);
	}

	@Test
	void shouldGiveEachSessionASignOutFormWithItsOwnToken() throws Exception {
		String login = TestPeople.uniqueName("layoutsessions");
		MockHttpSession first = TestPeople.signUp(this.mvc, login);
		MockHttpSession second = TestPeople.signIn(this.mvc, login);
		render(first, "/all", "en");

		String page = render(second, "/all", "en");
		Matcher token = Pattern.compile("action=\"/logout\"[^>]*>\\s*<input type=\"hidden\" name=\"_csrf\" value=\"([^\"]+)\"")
			.matcher(page);
		assertThat(token.find()).as("a token in the sign-out form").isTrue();

		this.mvc.perform(post("/logout").session(second).param("_csrf", token.group(1)))
			.andExpect(status().is3xxRedirection());
	}

	@Test
	void shouldKeepTheHomeStreamsEmptyEditorAndPostWithEachSessionsOwnToken() throws Exception {
		MockHttpSession first = TestPeople.signUp(this.mvc, TestPeople.uniqueName("layouteditor"));
		MockHttpSession second = TestPeople.signUp(this.mvc, TestPeople.uniqueName("layoutposter"));
		render(first, "/", "en");
		long hits = this.layouts.hits();

		String home = render(second, "/", "en");

		assertThat(this.layouts.hits()).as("navigation, editor and footer kept").isGreaterThanOrEqualTo(hits + 2);
		assertThat(home).contains("<input type=\"hidden\" name=\"origin\" value=\"home\">",
				"<textarea id=\"text\" name=\"text\" rows=\"8\" required", "data-label-add-topic=");
		Matcher token = Pattern.compile("action=\"/post\"[^>]*>\\s*<input type=\"hidden\" name=\"_csrf\" value=\"([^\"]+)\"")
			.matcher(home);
		assertThat(token.find()).as("a token in the posting form").isTrue();
		this.mvc.perform(post("/post").session(second).param("_csrf", token.group(1)).param("origin", "home")
			.param("text", "Posté depuis le fil d'accueil")).andExpect(status().is3xxRedirection());
	}

	@Test
	void shouldShowTheHomeStreamsEditorWithWhatWasTypedAndItsErrorWhenAPostIsRefused() throws Exception {
		MockHttpSession person = TestPeople.signUp(this.mvc, TestPeople.uniqueName("layoutrefused"));
		render(person, "/", "en");

		String refused = this.mvc.perform(post("/post").session(person).with(csrf()).param("origin", "home")
			.param("text", "   ")).andReturn().getResponse().getContentAsString();

		assertThat(refused).contains("aria-invalid=\"true\"", "id=\"text-error\"");
	}

	@Test
	void shouldShowTheAdministrationLinkToAnAdministratorOnly() throws Exception {
		MockHttpSession administrator = Admins.signIn(this.mvc, this.jdbc);
		MockHttpSession reader = TestPeople.signUp(this.mvc, TestPeople.uniqueName("layoutreader"));

		assertThat(render(administrator, "/all", "en")).contains("href=\"/admin/people\"");
		assertThat(render(reader, "/all", "en")).doesNotContain("href=\"/admin/people\"");
	}

	@Test
	void shouldShowTheSignInLinksInTheReadersLanguageToAnonymousReaders() throws Exception {
		String english = render(null, "/all", "en");
		String french = render(null, "/all", "fr");

		assertThat(english).contains(">Sign in<", ">Everything<").doesNotContain("Sign out");
		assertThat(french).contains(">Se connecter<", ">Tout<", "aria-current=\"true\">Français");
		assertThat(english).contains("aria-current=\"true\">English");
	}

	private String render(@Nullable MockHttpSession session, String path, String language) throws Exception {
		MockHttpServletRequestBuilder request = get(path).header(HttpHeaders.ACCEPT_LANGUAGE, language)
			.header(HttpHeaders.CACHE_CONTROL, "no-cache");
		if (session != null) {
			request = request.session(session);
		}
		return this.mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

}
