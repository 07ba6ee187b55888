package org.veille.text;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import org.veille.support.IntegrationTest;
import org.veille.support.Posting;
import org.veille.support.TestPeople;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Migration V14 cleans the rows stored before every input removed the characters XML 1.0 forbids, and
 * the failure details that named the private address a host resolved to. Flyway ran it on this database
 * already; the test writes such rows again and runs the migration's script once more.
 */
@IntegrationTest
class StoredTextCleaningIntegrationTests {

	private static final String FORBIDDEN = "\u0001\u0008\u000B\u001F\uFFFE\uFFFF";

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private JdbcTemplate template;

	@Test
	void shouldRemoveFromStoredTextOnlyTheCharactersXmlForbids() throws Exception {
		String login = TestPeople.uniqueName("stored");
		String host = login.replace("_", "") + ".example.org";
		MockHttpSession author = TestPeople.signUp(this.mvc, login);
		long id = Posting.as(this.mvc, author, "Titre\nhttps://" + host + "/page");
		this.jdbc.sql("update messages set body = :body, title = :title where id = :id")
			.param("body", "Titre" + FORBIDDEN + "\n\tligne\r\nhttps://" + host + "/page \uFFFD\uD83D\uDE00")
			.param("title", "Titre" + FORBIDDEN)
			.param("id", id)
			.update();
		this.jdbc.sql("update accounts set display_name = :name, bio = :bio where login = :login")
			.param("name", "Nom" + FORBIDDEN)
			.param("bio", FORBIDDEN + "Bio")
			.param("login", login)
			.update();
		this.jdbc.sql("""
				update links set title = :title, description = :title, site_name = :title, fetch_status = 'failed',
				       failure_reason = 'BLOCKED_ADDRESS', failure_detail = :detail
				where host = :host
				""")
			.param("title", "Page" + FORBIDDEN)
			.param("detail", "intranet.test resolves to 10.1.2.3, which is not public")
			.param("host", host)
			.update();

		this.template.execute(script("db/migration/V14__clean_stored_text.sql"));

		assertThat(this.jdbc.sql("select body || '|' || title from messages where id = :id")
			.param("id", id)
			.query(String.class)
			.single()).isEqualTo("Titre\n\tligne\r\nhttps://" + host + "/page \uFFFD\uD83D\uDE00|Titre");
		assertThat(this.jdbc.sql("select display_name || '|' || bio from accounts where login = :login")
			.param("login", login)
			.query(String.class)
			.single()).isEqualTo("Nom|Bio");
		assertThat(this.jdbc.sql("""
				select concat_ws('|', title, description, site_name, failure_detail) from links where host = :host
				""").param("host", host).query(String.class).single())
			.isEqualTo("Page|Page|Page|intranet.test is on a private or reserved network");
	}

	private static String script(String path) throws IOException {
		try (InputStream in = StoredTextCleaningIntegrationTests.class.getClassLoader().getResourceAsStream(path)) {
			assertThat(in).as(path).isNotNull();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
