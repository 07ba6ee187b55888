package org.veille.support;

import java.util.concurrent.atomic.AtomicInteger;

import jakarta.mail.internet.MimeMessage;

import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Makes people for a test through the real sign-up and sign-in forms, each with a name no other test uses;
 * their address is {@code login@example.org}.
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

	public static String address(String login) {
		return login + "@example.org";
	}

	/** Signs a new person up, then in, and returns their signed-in session (their address unconfirmed). */
	public static MockHttpSession signUp(MockMvc mvc, String login) throws Exception {
		return signUp(mvc, login, address(login));
	}

	/** The same with an address of the test's choosing. */
	public static MockHttpSession signUp(MockMvc mvc, String login, String email) throws Exception {
		MvcResult result = submitSignUp(mvc, login, email);
		assertThat(result.getResponse().getRedirectedUrl()).as("sign-up of %s", login).isEqualTo("/signup/sent");
		return signIn(mvc, login);
	}

	/** The page a sign-up leads to, as its redirect shows it (an account made or not). */
	public static String pageAfterSignUp(MockMvc mvc, String login, String email) throws Exception {
		// The page after the redirect reads what the sign-up left in the session: the same browser session.
		MockHttpSession browser = new MockHttpSession();
		MvcResult result = mvc.perform(signUpForm(login, email).session(browser)).andReturn();
		assertThat(result.getResponse().getRedirectedUrl()).as("sign-up of %s", login).isEqualTo("/signup/sent");
		MvcResult page = mvc.perform(get("/signup/sent").session(browser)).andReturn();
		assertThat(page.getResponse().getStatus()).isEqualTo(200);
		return page.getResponse().getContentAsString();
	}

	private static MvcResult submitSignUp(MockMvc mvc, String login, String email) throws Exception {
		return mvc.perform(signUpForm(login, email)).andReturn();
	}

	private static MockHttpServletRequestBuilder signUpForm(String login, String email) {
		return post("/signup").with(csrf()).param("login", login).param("email", email).param("password", PASSWORD);
	}

	/** The same, then confirms the address with the link mailed to it. */
	public static MockHttpSession signUpConfirmed(MockMvc mvc, Mailbox mailbox, String login) throws Exception {
		MockHttpSession session = signUp(mvc, login);
		MimeMessage confirmation = mailbox.awaitSubject(address(login), "onfirm");
		int status = mvc.perform(post(Mailbox.path(confirmation, "/email/confirm/")).with(csrf()))
			.andReturn()
			.getResponse()
			.getStatus();
		assertThat(status).as("confirmation of %s", login).isEqualTo(200);
		return session;
	}

	/** Signs in with the form and returns the new session. */
	public static MockHttpSession signIn(MockMvc mvc, String login) throws Exception {
		MvcResult result = mvc
			.perform(post("/login").with(csrf()).param("username", login).param("password", PASSWORD))
			.andReturn();
		assertThat(result.getResponse().getRedirectedUrl()).as("sign-in of %s", login).isEqualTo("/");
		return (MockHttpSession) result.getRequest().getSession();
	}

}
