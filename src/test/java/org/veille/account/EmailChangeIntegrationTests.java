package org.veille.account;

import java.util.Map;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import org.veille.support.Forms;
import org.veille.support.IntegrationTest;
import org.veille.support.Mailbox;
import org.veille.support.TestPeople;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Changing one's address on {@code /settings}: the new address is confirmed from itself before it replaces the
 * old one, which is told at once; an address another account has gets the same answer, and its owner a warning.
 */
@IntegrationTest
class EmailChangeIntegrationTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private Mailbox mailbox;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void shouldReplaceTheAddressOnlyOnceTheNewOneIsConfirmedAndTellTheOldOne() throws Exception {
		String login = TestPeople.uniqueName("mover");
		MockHttpSession me = TestPeople.signUpConfirmed(this.mvc, this.mailbox, login);
		String old = TestPeople.address(login);
		String moved = login + "@example.net";

		MvcResult saved = saveAddress(me, moved);

		assertThat(saved.getResponse().getRedirectedUrl()).isEqualTo("/settings");
		assertThat(saved.getFlashMap().get("notice")).isEqualTo("settings.email.pending");
		assertThat(address(login)).as("not before its confirmation").isEqualTo(old);
		MimeMessage told = this.mailbox.awaitSubject(old, "Your Veille address is being changed");
		assertThat(Mailbox.text(told)).contains(moved).contains("/login/forgot");
		MimeMessage link = this.mailbox.awaitSubject(moved, "Confirm your address");
		String path = Mailbox.path(link, "/email/confirm/");
		MockHttpSession signedOut = new MockHttpSession();
		assertThat(Forms.submit(this.mvc, signedOut, path, "main form", Map.of()).getResponse().getContentAsString())
			.contains("Your address is confirmed.");
		assertThat(address(login)).isEqualTo(moved);
		assertThat(this.mvc.perform(get(path)).andReturn().getResponse().getStatus()).as("a link works once")
			.isEqualTo(410);
	}

	@Test
	void shouldAnswerAnAddressOfAnotherAccountAsAnyOtherAndWarnItsOwner() throws Exception {
		String owner = TestPeople.uniqueName("owner");
		TestPeople.signUp(this.mvc, owner);
		String login = TestPeople.uniqueName("mine");
		MockHttpSession me = TestPeople.signUpConfirmed(this.mvc, this.mailbox, login);

		MvcResult saved = saveAddress(me, TestPeople.address(owner));

		assertThat(saved.getResponse().getRedirectedUrl()).isEqualTo("/settings");
		assertThat(saved.getFlashMap().get("notice")).isEqualTo("settings.email.pending");
		assertThat((String[]) saved.getFlashMap().get("noticeArgs")).containsExactly(TestPeople.address(owner));
		this.mailbox.awaitSubject(TestPeople.address(owner), "Someone tried to use your address");
		assertThat(address(login)).isEqualTo(TestPeople.address(login));
		assertThat(this.mailbox.to(TestPeople.address(owner)))
			.noneMatch((mail) -> Mailbox.text(mail).contains("/email/confirm/") && Mailbox.text(mail).contains(login));
	}

	private MvcResult saveAddress(MockHttpSession session, String email) throws Exception {
		return Forms.submit(this.mvc, session, "/settings", "form.settings-form",
				Map.of("displayName", "", "bio", "", "email", email, "language", ""));
	}

	private String address(String login) {
		return this.jdbc.sql("select email from accounts where login = ?").param(login).query(String.class).single();
	}

}
