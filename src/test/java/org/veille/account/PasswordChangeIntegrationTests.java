package org.veille.account;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import org.veille.support.Forms;
import org.veille.support.IntegrationTest;
import org.veille.support.TestPeople;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** {@code /settings/password}: the current password required, a new one hard to guess, other sessions ended. */
@IntegrationTest
class PasswordChangeIntegrationTests {

	private static final String NEW_PASSWORD = "amber kettle orbit lighthouse";

	@Autowired
	private MockMvc mvc;

	@Test
	void shouldChangeThePasswordGivenTheCurrentOneAndEndEveryOtherSession() throws Exception {
		String login = TestPeople.uniqueName("changer");
		MockHttpSession here = TestPeople.signUp(this.mvc, login);
		MockHttpSession elsewhere = TestPeople.signIn(this.mvc, login);

		MvcResult wrong = change(here, "not my password", NEW_PASSWORD);
		MvcResult guessable = change(here, TestPeople.PASSWORD, "password1");
		MvcResult missing = change(here, TestPeople.PASSWORD, "");
		this.mvc.perform(get("/settings").session(elsewhere)).andExpect(status().isOk());
		MvcResult changed = change(here, TestPeople.PASSWORD, NEW_PASSWORD);

		assertThat(wrong.getResponse().getStatus()).isEqualTo(400);
		assertThat(wrong.getResponse().getContentAsString()).contains("This is not your current password.");
		assertThat(guessable.getResponse().getStatus()).isEqualTo(400);
		assertThat(guessable.getResponse().getContentAsString()).contains("This password is too easy to guess.");
		assertThat(missing.getResponse().getStatus()).isEqualTo(400);
		assertThat(changed.getResponse().getRedirectedUrl()).isEqualTo("/settings");
		assertThat(changed.getFlashMap().get("notice")).isEqualTo("password.changed");
		this.mvc.perform(get("/settings").session(here)).andExpect(status().isOk());
		this.mvc.perform(get("/settings").session(elsewhere)).andExpect(status().is3xxRedirection());
		this.mvc.perform(formLogin("/login").user(login).password(TestPeople.PASSWORD)).andExpect(unauthenticated());
		this.mvc.perform(formLogin("/login").user(login).password(NEW_PASSWORD))
			.andExpect(authenticated().withUsername(login));
	}

	private MvcResult change(MockHttpSession session, String current, String password) throws Exception {
		return Forms.submit(this.mvc, session, "/settings/password", "main form",
				Map.of("current", current, "password", password));
	}

}
