package org.veille.account;

import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import org.veille.support.IntegrationTest;
import org.veille.support.TestPeople;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

@IntegrationTest
class LoginThrottleIntegrationTests {

	@Autowired
	private MockMvc mvc;

	@Test
	void shouldRefuseEvenTheRightPasswordAfterFiveFailuresFromOneClient() throws Exception {
		String login = TestPeople.uniqueName("guessed");
		TestPeople.signUp(this.mvc, login);
		String attacker = randomClient();

		for (int i = 0; i < LoginThrottle.MAX_FAILURES_PER_LOGIN; i++) {
			signIn(login, "guess " + i, attacker).andExpect(redirectedUrl("/login?error"));
		}
		signIn(login, TestPeople.PASSWORD, attacker).andExpect(redirectedUrl("/login?throttled"))
			.andExpect(unauthenticated());
		this.mvc.perform(get("/login").param("throttled", ""))
			.andExpect(content().string(containsString("Too many failed attempts from here")));
	}

	@Test
	void shouldLetTheOwnerInFromElsewhereWhileAnotherClientIsThrottled() throws Exception {
		String login = TestPeople.uniqueName("owner");
		TestPeople.signUp(this.mvc, login);
		String attacker = randomClient();
		for (int i = 0; i < LoginThrottle.MAX_FAILURES_PER_LOGIN; i++) {
			signIn(login, "guess " + i, attacker);
		}

		signIn(login, TestPeople.PASSWORD, randomClient()).andExpect(authenticated().withUsername(login));
	}

	@Test
	void shouldForgetEarlierFailuresAfterASuccessfulSignIn() throws Exception {
		String login = TestPeople.uniqueName("typo");
		TestPeople.signUp(this.mvc, login);
		String client = randomClient();
		for (int i = 0; i < LoginThrottle.MAX_FAILURES_PER_LOGIN - 1; i++) {
			signIn(login, "typo " + i, client);
		}
		signIn(login, TestPeople.PASSWORD, client).andExpect(authenticated());

		for (int i = 0; i < LoginThrottle.MAX_FAILURES_PER_LOGIN - 1; i++) {
			signIn(login, "typo again " + i, client).andExpect(redirectedUrl("/login?error"));
		}
		signIn(login, TestPeople.PASSWORD, client).andExpect(authenticated());
	}

	private ResultActions signIn(String login, String password, String client) throws Exception {
		return this.mvc.perform(post("/login").with(csrf()).param("username", login).param("password", password)
			.with((request) -> {
				request.setRemoteAddr(client);
				return request;
			}));
	}

	private static String randomClient() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
	}

}
