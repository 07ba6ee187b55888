package org.veille.account;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import org.veille.support.IntegrationTest;
import org.veille.support.Posting;
import org.veille.support.TestPeople;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The language of the pages: the browser's first, then the person's choice (the switch for visitors,
 * the settings page for people signed in); dates relative and in that language.
 */
@IntegrationTest
class LanguageIntegrationTests {

	@Autowired
	private MockMvc mvc;

	@Test
	void shouldFollowTheBrowsersLanguage() throws Exception {
		assertThat(page(get("/signup").header("Accept-Language", "fr-CA,fr;q=0.9,en;q=0.5"))).contains("<html lang=\"fr\"")
			.contains("S’inscrire");
		assertThat(page(get("/signup").header("Accept-Language", "de-DE,en;q=0.5"))).contains("<html lang=\"en\"");
		assertThat(page(get("/signup").header("Accept-Language", "de-DE"))).as("neither: English")
			.contains("<html lang=\"en\"");
	}

	@Test
	void shouldRememberTheVisitorsSwitchInACookie() throws Exception {
		MvcResult switched = this.mvc.perform(get("/signup").param("lang", "fr").header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andReturn();
		assertThat(switched.getResponse().getContentAsString()).contains("<html lang=\"fr\"");
		Cookie cookie = switched.getResponse().getCookie(LanguageResolver.COOKIE);
		assertThat(cookie).isNotNull();
		assertThat(cookie.getValue()).isEqualTo("fr");

		assertThat(page(get("/signup").cookie(cookie).header("Accept-Language", "en"))).contains("<html lang=\"fr\"");
		assertThat(page(get("/signup").param("lang", "xx").header("Accept-Language", "en")))
			.as("an unknown language is ignored")
			.contains("<html lang=\"en\"");
	}

	@Test
	void shouldSaveTheProfileAndSpeakThePersonsLanguageAfterSigningIn() throws Exception {
		String login = TestPeople.uniqueName("settings");
		MockHttpSession session = TestPeople.signUp(this.mvc, login);

		MvcResult saved = this.mvc
			.perform(post("/settings").session(session)
				.with(csrf())
				.param("displayName", "Camille Durand")
				.param("bio", "Je lis tout.")
				.param("email", TestPeople.address(login))
				.param("language", "fr"))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		assertThat(saved.getResponse().getCookie(LanguageResolver.COOKIE).getValue()).isEqualTo("fr");

		String settings = page(get("/settings").session(session).header("Accept-Language", "en"));
		assertThat(settings).contains("value=\"Camille Durand\"").contains(TestPeople.address(login)).contains("Je lis tout.");
		assertThat(page(get("/people/" + login).header("Accept-Language", "en"))).contains("Camille Durand");

		// A new session, a browser saying English: the account's language wins once signed in.
		MockHttpSession again = (MockHttpSession) this.mvc
			.perform(post("/login").with(csrf()).param("username", login).param("password", TestPeople.PASSWORD))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getRequest()
			.getSession();
		assertThat(page(get("/").session(again).header("Accept-Language", "en"))).contains("<html lang=\"fr\"");
	}

	@Test
	void shouldShowDatesRelativeWithTheExactDateInTheTitle() throws Exception {
		MockHttpSession session = TestPeople.signUp(this.mvc, TestPeople.uniqueName("dates"));
		long id = Posting.as(this.mvc, session, "Un message daté " + TestPeople.uniqueName("d"));

		String french = page(get("/messages/" + id).header("Accept-Language", "fr"));
		assertThat(french).containsPattern("<time datetime=\"[0-9T:.Z-]+\" title=\"[^\"]+ UTC\">(à l’instant|il y a une minute)</time>");
		String english = page(get("/messages/" + id).header("Accept-Language", "en"));
		assertThat(english).containsPattern("<time datetime=\"[^\"]+\" title=\"[^\"]+ UTC\">(just now|one minute ago)</time>");
	}

	private String page(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
		return this.mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

}
