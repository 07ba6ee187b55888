package org.veille.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import org.veille.support.IntegrationTest;
import org.veille.support.TestPeople;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Entries a client may send to hurt the server or lose text: each is refused with a 422 and a sentence
 * saying what to change, and nothing is stored.
 */
@IntegrationTest
class ApiHostileEntriesIntegrationTests {

	private static final String OPEN = "<entry xmlns=\"http://www.w3.org/2005/Atom\" xmlns:x=\"urn:example:x\">";

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcClient jdbc;

	static Stream<Arguments> entries() {
		String laughs = "<?xml version=\"1.0\"?><!DOCTYPE entry [<!ENTITY a \"haha\">"
				+ "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>"
				+ OPEN + "<summary>&c;</summary></entry>";
		int depth = 90_000;
		String nested = OPEN + "<summary>Profond</summary>" + "<x:a>".repeat(depth) + "</x:a>".repeat(depth) + "</entry>";
		return Stream.of(
				Arguments.of("entities of a DTD", utf8(laughs), "A document type declaration (<!DOCTYPE>) is not accepted."),
				Arguments.of("elements nested 90,000 deep", utf8(nested), "Elements may nest at most 64 deep"),
				Arguments.of("markup inside the text", utf8(OPEN + "<summary>Bonjour <b>monde</b></summary></entry>"),
						"<summary> holds an element"),
				Arguments.of("HTML text", utf8(OPEN + "<content type=\"html\">&lt;p&gt;Bonjour</content></entry>"),
						"<content> must hold the raw text of the message (type=\"text\"), not html."),
				Arguments.of("bytes not in the encoding declared",
						(OPEN + "<summary>Café</summary></entry>").getBytes(StandardCharsets.ISO_8859_1),
						"The body is not well-formed XML at line 1"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("entries")
	void shouldRefuseWithASentenceAndStoreNothing(String what, byte[] body, String sentence) throws Exception {
		String login = TestPeople.uniqueName("hostile");
		TestPeople.signUp(this.mvc, login);
		String basic = Base64.getEncoder()
			.encodeToString((login + ":" + TestPeople.PASSWORD).getBytes(StandardCharsets.UTF_8));

		MockHttpServletResponse response = this.mvc
			.perform(post("/api/messages").header("Authorization", "Basic " + basic)
				.contentType("application/atom+xml")
				.content(body))
			.andReturn()
			.getResponse();

		assertThat(response.getStatus()).isEqualTo(422);
		assertThat(response.getContentType()).startsWith("text/plain");
		assertThat(response.getContentAsString()).startsWith(sentence);
		assertThat(this.jdbc.sql("select count(*) from messages m join accounts a on a.id = m.author_id where a.login = :login")
			.param("login", login)
			.query(Long.class)
			.single()).isZero();
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
