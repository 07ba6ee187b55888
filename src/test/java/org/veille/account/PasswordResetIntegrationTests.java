package org.veille.account;

import java.time.Duration;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import org.veille.support.Forms;
import org.veille.support.IntegrationTest;
import org.veille.support.Mailbox;
import org.veille.support.TestPeople;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class PasswordResetIntegrationTests {

	private static final String NEW_PASSWORD = "quiet lagoon umbrella sprocket";

	private static final String RUN = (System.nanoTime() % 200) + "." + (System.nanoTime() / 7 % 200);

	@Autowired
	private MockMvc mvc;

	@Autowired
	private Mailbox mailbox;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void shouldAnswerTheSameForAKnownAndAnUnknownAccount() throws Exception {
		String login = TestPeople.uniqueName("known");
		TestPeople.signUp(this.mvc, login);

		String known = forgot(login, address(1));
		String unknown = forgot(TestPeople.uniqueName("nobody"), address(1));
		String unknownAddress = forgot(TestPeople.uniqueName("nobody") + "@example.org", address(1));

		assertThat(known).isEqualTo(unknown).isEqualTo(unknownAddress).contains("If an account has this login");
		this.mailbox.awaitSubject(TestPeople.address(login), "Choose a new password");
	}

	@Test
	void shouldSetANewPasswordOnceAndEndEverySession() throws Exception {
		String login = TestPeople.uniqueName("resetter");
		MockHttpSession elsewhere = TestPeople.signUp(this.mvc, login);
		this.mvc.perform(get("/settings").session(elsewhere)).andExpect(status().isOk());
		forgot(TestPeople.address(login), address(2));
		MimeMessage mail = this.mailbox.awaitSubject(TestPeople.address(login), "Choose a new password");
		String path = Mailbox.path(mail, "/password/reset/");
		// The worker records the e-mail as sent, and wipes its token, just after the server took it.
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(this.jdbc.sql("select count(*) from mail_outbox where secret = ?")
				.param(path.substring(path.lastIndexOf('/') + 1)).query(Long.class).single())
				.as("the token leaves the outbox once sent").isZero());

		this.mvc.perform(get(path)).andExpect(status().isOk());
		this.mvc.perform(post(path).with(csrf()).param("password", "password1"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("too easy to guess")));
		assertThat(Forms.submit(this.mvc, new MockHttpSession(), path, "main form", Map.of("password", NEW_PASSWORD))
			.getResponse().getRedirectedUrl()).as("the page's own form, as a browser sends it").isEqualTo("/login");

		this.mvc.perform(get("/settings").session(elsewhere)).andExpect(status().is3xxRedirection());
		this.mvc.perform(post(path).with(csrf()).param("password", NEW_PASSWORD + " again"))
			.andExpect(status().isGone())
			.andExpect(content().string(containsString("This link no longer works")));
		this.mvc.perform(formLogin("/login").user(login).password(NEW_PASSWORD))
			.andExpect(authenticated().withUsername(login));
	}

	@Test
	void shouldSayPlainlyThatAnExpiredLinkNoLongerWorks() throws Exception {
		String login = TestPeople.uniqueName("late");
		TestPeople.signUp(this.mvc, login);
		forgot(login, address(3));
		String path = Mailbox.path(this.mailbox.awaitSubject(TestPeople.address(login), "Choose a new password"),
				"/password/reset/");
		this.jdbc.sql("""
				update account_tokens set expires_at = now() - interval '1 minute'
				where account_id = (select id from accounts where login = ?) and purpose = 'reset'
				""").param(login).update();

		this.mvc.perform(get(path)).andExpect(status().isGone())
			.andExpect(content().string(containsString("works once, for 30 minutes")));
		this.mvc.perform(get("/password/reset/not-a-token")).andExpect(status().isGone());
	}

	@Test
	void shouldLimitRequestsPerAddressLoudlyAndPerAccountSilently() throws Exception {
		String login = TestPeople.uniqueName("limited");
		TestPeople.signUp(this.mvc, login);
		for (int i = 0; i < PasswordResets.PER_ACCOUNT + 2; i++) {
			forgot(login, address(100 + i));
		}
		for (int i = 0; i < PasswordResets.PER_ADDRESS; i++) {
			forgot(TestPeople.uniqueName("nobody"), address(21));
		}
		this.mvc.perform(post("/login/forgot").with(csrf()).with(from(address(21)))
			.param("identifier", login)).andExpect(status().isTooManyRequests())
			.andExpect(content().string(containsString("Too many requests")));

		assertThat(this.jdbc.sql("""
				select count(*) from mail_outbox where kind = 'reset'
				and recipient_id = (select id from accounts where login = ?)
				""").param(login).query(Long.class).single()).isEqualTo(PasswordResets.PER_ACCOUNT);
	}

	/** An address of this run's own: counters live an hour in a database that tests may share. */
	private static String address(int i) {
		return "10." + RUN + "." + i;
	}

	private String forgot(String identifier, String address) throws Exception {
		return this.mvc
			.perform(post("/login/forgot").with(csrf()).with(from(address)).param("identifier", identifier))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	/** MockMvc goes through no Tomcat valve: the client address is set on the request itself. */
	private static RequestPostProcessor from(String address) {
		return (request) -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

}
