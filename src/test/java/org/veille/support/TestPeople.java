package org.veille.support;

import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Makes people for a test through the real sign-up form, each with a name no other test uses.
 */
public final class TestPeople {

	public static final String PASSWORD = "correct horse battery";

	private static final AtomicInteger counter = new AtomicInteger();

	private TestPeople() {
	}

	/** A login unique to this run and this call, within the 30-character limit. */
	public static String uniqueName(String prefix) {
		String run = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
		return prefix + "_" + run + counter.incrementAndGet();
	}

	/** Signs a new person up and returns their signed-in session. */
	public static MockHttpSession signUp(MockMvc mvc, String login) throws Exception {
		MockHttpSession session = new MockHttpSession();
		MvcResult result = mvc
			.perform(post("/signup").session(session)
				.with(csrf())
				.param("login", login)
				.param("email", login + "@example.org")
				.param("password", PASSWORD))
			.andReturn();
		assertThat(result.getResponse().getRedirectedUrl()).as("sign-up of %s", login).isEqualTo("/");
		return (MockHttpSession) result.getRequest().getSession();
	}

}
