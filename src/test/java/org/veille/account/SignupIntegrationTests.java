package org.veille.account;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import org.veille.support.IntegrationTest;
import org.veille.support.Mailbox;
import org.veille.support.TestPeople;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class SignupIntegrationTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private Mailbox mailbox;

	@Test
	void shouldSignUpAndSendTheLinkThatConfirmsTheAddress() throws Exception {
		String login = TestPeople.uniqueName("new");

		this.mvc.perform(signup(login, login + "@example.org", TestPeople.PASSWORD))
			.andExpect(redirectedUrl("/signup/sent"))
			.andExpect(unauthenticated());
		MimeMessage confirmation = this.mailbox.awaitSubject(login + "@example.org", "Confirm your address");
		assertThat(Mailbox.text(confirmation)).contains(login);
		this.mvc.perform(formLogin("/login").user(login).password(TestPeople.PASSWORD))
			.andExpect(authenticated().withUsername(login));
		this.mvc.perform(get("/people/" + login)).andExpect(status().isOk());
		String hash = this.jdbc.sql("select password_hash from accounts where login = ?").param(login)
			.query(String.class).single();
		assertThat(hash).startsWith("{bcrypt}$2").doesNotContain(TestPeople.PASSWORD);
	}

	@ParameterizedTest
	@ValueSource(strings = { "a b", ".dot", "dot.", "x", "é-accent", "<script>", "way_too_long_for_a_login_here_123" })
	void shouldRefuseAnInvalidLoginAndKeepTheForm(String login) throws Exception {
		String email = TestPeople.uniqueName("mail") + "@example.org";

		this.mvc.perform(signup(login, email, TestPeople.PASSWORD))
			.andExpect(status().isOk())
			.andExpect(unauthenticated())
			.andExpect(content().string(containsString("aria-invalid=\"true\"")))
			.andExpect(content().string(containsString("value=\"" + email + "\"")));
		assertThat(accountsWithEmail(email)).isZero();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "not-an-email", "two@@example.org", "spaces in@example.org" })
	void shouldRefuseAnInvalidEmail(String email) throws Exception {
		String login = TestPeople.uniqueName("mail");

		this.mvc.perform(signup(login, email, TestPeople.PASSWORD))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"email-error\"")))
			.andExpect(content().string(containsString("value=\"" + login + "\"")));
		assertThat(this.jdbc.sql("select count(*) from accounts where login = ?").param(login).query(Long.class)
			.single()).isZero();
	}

	@Test
	void shouldRefuseATakenLoginWhateverItsCase() throws Exception {
		String login = TestPeople.uniqueName("taken");
		TestPeople.signUp(this.mvc, login);

		this.mvc.perform(signup(login.toUpperCase(), "other-" + login + "@example.org", TestPeople.PASSWORD))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("This login is already taken")));
	}

	@Test
	void shouldAnswerATakenEmailAsAnyOtherSignUpAndWarnItsOwner() throws Exception {
		String login = TestPeople.uniqueName("first");
		TestPeople.signUp(this.mvc, login);
		String second = TestPeople.uniqueName("second");

		this.mvc.perform(signup(second, login + "@example.org", TestPeople.PASSWORD))
			.andExpect(redirectedUrl("/signup/sent"))
			.andExpect(unauthenticated());

		MimeMessage warning = this.mailbox.awaitSubject(login + "@example.org", "Someone tried to use your address");
		assertThat(Mailbox.text(warning)).contains(login).contains("/login/forgot");
		assertThat(this.jdbc.sql("select count(*) from accounts where login = ?").param(second).query(Long.class).single())
			.isZero();
		this.mvc.perform(get("/signup/sent")).andExpect(status().isOk())
			.andExpect(content().string(containsString("Check your mailbox")));
	}

	@Test
	void shouldRefuseAShortPassword() throws Exception {
		this.mvc.perform(signup(TestPeople.uniqueName("short"), TestPeople.uniqueName("s") + "@example.org", "short"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("A password has 8 to 72 characters")));
	}

	@Test
	void shouldShowANewAndATakenAddressTheSamePageSayingToCheckTheMailboxAndSignIn() throws Exception {
		String owner = TestPeople.uniqueName("owner");
		TestPeople.signUp(this.mvc, owner);
		String fresh = TestPeople.uniqueName("fresh");

		String created = TestPeople.pageAfterSignUp(this.mvc, fresh, TestPeople.address(fresh));
		String taken = TestPeople.pageAfterSignUp(this.mvc, TestPeople.uniqueName("late"), TestPeople.address(owner));

		assertThat(created.replace(TestPeople.address(fresh), "ADDRESS"))
			.isEqualTo(taken.replace(TestPeople.address(owner), "ADDRESS"));
		assertThat(created).contains("<h1>Check your mailbox</h1>")
			.contains("We sent an e-mail to " + TestPeople.address(fresh)
					+ ": follow its link to confirm your address. You can sign in now.")
			.contains("If another account already uses this address, no new account was made")
			.as("posting does not wait for the confirmation here").doesNotContain("You can post once");
	}

	@Test
	void shouldRefuseAPasswordLongerThanBcryptReads() throws Exception {
		this.mvc.perform(signup(TestPeople.uniqueName("long"), TestPeople.uniqueName("l") + "@example.org",
				"é".repeat(40)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("72 bytes at most")));
	}

	@ParameterizedTest
	@ValueSource(strings = { "aaaaaaaa", "password1", "12345678", "azertyuiop", "motdepasse" })
	void shouldRefuseAGuessablePasswordSayingWhatToFix(String password) throws Exception {
		String login = TestPeople.uniqueName("weak");

		this.mvc.perform(signup(login, login + "@example.org", password))
			.andExpect(status().isOk())
			.andExpect(unauthenticated())
			.andExpect(content().string(containsString("This password is too easy to guess.")))
			.andExpect(content().string(containsString("Use a few uncommon words")))
			.andExpect(content().string(containsString("value=\"" + login + "\"")));
		assertThat(accountsWithEmail(login + "@example.org")).isZero();
	}

	@Test
	void shouldSayWhyAPasswordIsGuessableInFrench() throws Exception {
		String login = TestPeople.uniqueName("faible");

		this.mvc.perform(signup(login, login + "@example.org", "aaaaaaaa").header("Accept-Language", "fr"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Ce mot de passe est trop facile à deviner.")))
			.andExpect(content().string(containsString("Les caractères ou mots répétés sont faciles à deviner.")));
	}

	@Test
	void shouldRefuseAPasswordHoldingTheLogin() throws Exception {
		String login = TestPeople.uniqueName("kestrel");

		this.mvc.perform(signup(login, "other-" + login + "@example.org", "my " + login.toUpperCase() + " is great"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("A password must not contain your login.")));
		assertThat(accountsWithEmail("other-" + login + "@example.org")).isZero();
	}

	@Test
	void shouldRefuseAPasswordHoldingTheNameOfTheEmail() throws Exception {
		String login = TestPeople.uniqueName("walrus");
		String name = TestPeople.uniqueName("margaux");

		this.mvc.perform(signup(login, name + "@example.org", "lantern " + name + " fjord"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("A password must not contain the name part of your e-mail")));
		assertThat(accountsWithEmail(name + "@example.org")).isZero();
	}

	@Test
	void shouldSayWhenThePasswordIsWrong() throws Exception {
		String login = TestPeople.uniqueName("wrong");
		TestPeople.signUp(this.mvc, login);

		this.mvc.perform(formLogin("/login").user(login).password("not the password"))
			.andExpect(redirectedUrl("/login?error"))
			.andExpect(unauthenticated());
		this.mvc.perform(get("/login").param("error", ""))
			.andExpect(content().string(containsString("Wrong login or password")));
		this.mvc.perform(formLogin("/login").user(login).password(TestPeople.PASSWORD))
			.andExpect(authenticated().withUsername(login));
	}

	@Test
	void shouldRefuseALoginAttemptWithCharactersNoLoginHas() throws Exception {
		this.mvc.perform(formLogin("/login").user("nul\u0000byte").password(TestPeople.PASSWORD))
			.andExpect(redirectedUrl("/login?error"))
			.andExpect(unauthenticated());
	}

	@Test
	void shouldSignOut() throws Exception {
		MockHttpSession session = TestPeople.signUp(this.mvc, TestPeople.uniqueName("out"));

		this.mvc.perform(post("/logout").session(session).with(csrf())).andExpect(redirectedUrl("/"));
		this.mvc.perform(get("/post").session(session)).andExpect(status().is3xxRedirection());
	}


	private static MockHttpServletRequestBuilder signup(String login, String email,
			String password) {
		return post("/signup").with(csrf()).param("login", login).param("email", email).param("password", password);
	}

	private long accountsWithEmail(String email) {
		return this.jdbc.sql("select count(*) from accounts where email = ?").param(email).query(Long.class).single();
	}

}
