package org.veille.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

import org.veille.support.IntegrationTest;
import org.veille.support.Posting;
import org.veille.support.TestPeople;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The characters XML 1.0 forbids never enter storage from a form or a query (DESIGN §8): every request
 * parameter reaches the application without NUL, the other C0 controls, U+FFFE, U+FFFF or a lone
 * surrogate. They are removed, silently: none can be typed on purpose.
 */
@IntegrationTest
class ForbiddenCharactersInputIntegrationTests {

	/** NUL, a C0 control, the two noncharacters XML forbids and a lone surrogate. */
	static final String FORBIDDEN = "\u0000\u0001\uFFFE\uFFFF\uD800";

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private PasswordEncoder passwords;

	@Test
	void shouldRemoveThemFromPostsRepliesAndEdits() throws Exception {
		MockHttpSession me = TestPeople.signUp(this.mvc, TestPeople.uniqueName("typed"));

		long thread = Posting.as(this.mvc, me, "Avant" + FORBIDDEN + "après");
		long reply = Posting.reply(this.mvc, me, thread, "Réponse" + FORBIDDEN + " ici");
		assertThat(body(thread)).isEqualTo("Avantaprès");
		assertThat(body(reply)).isEqualTo("Réponse ici");

		Posting.edit(this.mvc, me, thread, "Corrigé" + FORBIDDEN + " ensuite");
		assertThat(body(thread)).isEqualTo("Corrigé ensuite");
	}

	@Test
	void shouldRemoveThemFromTheTitleTheBookmarkletSends() throws Exception {
		MockHttpSession me = TestPeople.signUp(this.mvc, TestPeople.uniqueName("marklet"));
		String url = "https://" + TestPeople.uniqueName("given").replace("_", "") + ".example.org/page";

		String location = this.mvc
			.perform(post("/post").session(me)
				.with(csrf())
				.param("text", "Lu\n" + url)
				.param("pageTitle", "Le titre" + FORBIDDEN + " donné")
				.param("pageUrl", url + FORBIDDEN))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();

		assertThat(this.jdbc.sql("select given_title from message_link_titles where message_id = :id")
			.param("id", Long.parseLong(location.substring("/messages/".length())))
			.query(String.class)
			.single()).isEqualTo("Le titre donné");
	}

	@Test
	void shouldRemoveThemFromTheSettingsAndTokenNames() throws Exception {
		String login = TestPeople.uniqueName("settings");
		MockHttpSession me = TestPeople.signUp(this.mvc, login);

		this.mvc
			.perform(post("/settings").session(me)
				.with(csrf())
				.param("displayName", "Nom" + FORBIDDEN + " affiché")
				.param("bio", "Une" + FORBIDDEN + " bio")
				.param("email", login + "@example.org")
				.param("language", ""))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(post("/settings/api/tokens").session(me).with(csrf()).param("name", "Jeton" + FORBIDDEN))
			.andExpect(status().isOk());

		assertThat(this.jdbc.sql("select display_name || '|' || bio from accounts where login = :login")
			.param("login", login)
			.query(String.class)
			.single()).isEqualTo("Nom affiché|Une bio");
		assertThat(this.jdbc.sql("""
				select t.name from api_tokens t join accounts a on a.id = t.account_id where a.login = :login
				""").param("login", login).query(String.class).single()).isEqualTo("Jeton");
	}

	@Test
	void shouldRemoveThemFromASignUp() throws Exception {
		String login = TestPeople.uniqueName("signup");

		this.mvc
			.perform(post("/signup").with(csrf())
				.param("login", login + FORBIDDEN)
				.param("email", login + FORBIDDEN + "@example.org")
				.param("password", TestPeople.PASSWORD))
			.andExpect(status().is3xxRedirection());

		assertThat(this.jdbc.sql("select email from accounts where login = :login")
			.param("login", login)
			.query(String.class)
			.single()).isEqualTo(login + "@example.org");
	}

	@Test
	void shouldLeavePasswordsAsTypedSinceTheyAreOnlyHashed() throws Exception {
		String login = TestPeople.uniqueName("oldpass");
		TestPeople.signUp(this.mvc, login);
		String password = "typed\u0001before the rule";
		this.jdbc.sql("update accounts set password_hash = :hash where login = :login")
			.param("hash", this.passwords.encode(password))
			.param("login", login)
			.update();

		this.mvc.perform(formLogin("/login").user(login).password(password)).andExpect(authenticated());
	}

	@ParameterizedTest
	@ValueSource(strings = { "/search?q=", "/search/feed?q=", "/complete/tags?q=", "/complete/people?q=", "/tags?q=" })
	void shouldAnswerQueriesHoldingThemWithResults(String path) throws Exception {
		for (String query : new String[] { "a" + FORBIDDEN, "\u0000", "\uFFFF" }) {
			int status = this.mvc.perform(get(path.substring(0, path.indexOf('?')))
				.param("q", query)
				.accept("text/html,application/json,application/atom+xml"))
				.andReturn()
				.getResponse()
				.getStatus();
			assertThat(status).as(path + " " + query.codePoints().boxed().toList()).isEqualTo(200);
		}
		for (String escaped : new String[] { "a%00", "%01b", "%EF%BF%BF", "%EF%BF%BE" }) {
			HttpResponse<String> response = this.http.send(
					HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path + escaped))
						.header("Accept", "text/html,application/json,application/atom+xml")
						.build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(path + escaped).isEqualTo(200);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "/tag/a%01", "/tag/a%01/feed", "/tag/%EF%BF%BF$", "/tag/b%01*", "/people/a%01",
			"/people/a%01/feed", "/sites/a%01.example.org", "/sites/example.org/a%01/feed", "/messages/%01" })
	void shouldNeverFailOnThemInAPath(String path) throws Exception {
		HttpResponse<String> response = this.http.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).header("Accept", "text/html").build(),
				HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).as(path).isBetween(200, 499);
	}

	private String body(long id) {
		return this.jdbc.sql("select body from messages where id = :id").param("id", id).query(String.class).single();
	}

}
