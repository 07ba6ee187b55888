package org.veille.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import org.veille.support.IntegrationTest;
import org.veille.support.TestPeople;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The API's Atom entries follow the rule of every input (DESIGN §8): XML 1.0 itself refuses the
 * characters it forbids, with a sentence saying where; an XML 1.1 entry may carry control characters
 * as references, and they are removed before the text is stored.
 */
@IntegrationTest
class ApiForbiddenCharactersIntegrationTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void shouldRefuseAnXml10EntryHoldingThemAndSayWhere() throws Exception {
		String login = signUp();

		for (String text : new String[] { "raw\u0001control", "reference &#xFFFF; to U+FFFF", "nul &#0;" }) {
			MockHttpServletResponse response = send(login, "1.0", text);
			assertThat(response.getStatus()).as(text).isEqualTo(422);
			assertThat(response.getContentAsString()).as(text).startsWith("The body is not well-formed XML at line");
		}
		assertThat(bodies(login)).isZero();
	}

	@Test
	void shouldRemoveControlCharactersAnXml11EntryCarries() throws Exception {
		String login = signUp();

		MockHttpServletResponse response = send(login, "1.1", "Titre&#1; avec&#x8;&#x1F; contrôles");

		assertThat(response.getStatus()).isEqualTo(201);
		assertThat(this.jdbc.sql("select m.body from messages m join accounts a on a.id = m.author_id where a.login = :login")
			.param("login", login)
			.query(String.class)
			.single()).isEqualTo("Titre avec contrôles");
	}

	private String signUp() throws Exception {
		String login = TestPeople.uniqueName("apichars");
		TestPeople.signUp(this.mvc, login);
		return login;
	}

	private MockHttpServletResponse send(String login, String version, String summary) throws Exception {
		String body = "<?xml version=\"" + version + "\" encoding=\"UTF-8\"?>\n<entry xmlns=\"http://www.w3.org/2005/Atom\">"
				+ "<summary>" + summary + "</summary></entry>";
		String basic = Base64.getEncoder()
			.encodeToString((login + ":" + TestPeople.PASSWORD).getBytes(StandardCharsets.UTF_8));
		return this.mvc
			.perform(post("/api/messages").header("Authorization", "Basic " + basic)
				.contentType("application/atom+xml")
				.content(body.getBytes(StandardCharsets.UTF_8)))
			.andReturn()
			.getResponse();
	}

	private long bodies(String login) {
		return this.jdbc.sql("select count(*) from messages m join accounts a on a.id = m.author_id where a.login = :login")
			.param("login", login)
			.query(Long.class)
			.single();
	}

}
