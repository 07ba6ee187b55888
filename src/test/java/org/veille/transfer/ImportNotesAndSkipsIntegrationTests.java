package org.veille.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import org.veille.database.Timestamps;
import org.veille.support.IntegrationTest;
import org.veille.support.TestPeople;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

/**
 * Moving in from Shaarli keeps its notes (messages without a link), and the progress page says how many
 * entries were left out for each reason, in both languages.
 */
@IntegrationTest
class ImportNotesAndSkipsIntegrationTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void shouldImportShaarliNotesAsMessagesWithoutALink() throws Exception {
		String login = TestPeople.uniqueName("shaarli");
		MockHttpSession me = TestPeople.signUp(this.mvc, login);

		long id = importFile(me, "shaarli-notes.html", fixture("shaarli-notes.html"));

		assertThat(this.jdbc.sql("select created || '/' || skipped from imports where id = :id")
			.param("id", id)
			.query(String.class)
			.single()).isEqualTo("3/1");
		long garden = messageStartingWith(login, "Carnet du jardin");
		assertThat(body(garden)).startsWith("Carnet du jardin\n\n# Semis de février\n\n- tomates **sous abri**")
			.endsWith("#markdown #jardin");
		assertThat(this.jdbc.sql("select created_at from messages where id = :id")
			.param("id", garden)
			.query((rs, row) -> Timestamps.read(rs, "created_at"))
			.single()).isEqualTo(Instant.ofEpochSecond(1739170000));
		assertThat(this.jdbc.sql("""
				select string_agg(t.key, ' ' order by mt.position) from message_tags mt join tags t on t.id = mt.tag_id
				where mt.message_id = :id
				""").param("id", garden).query(String.class).single()).isEqualTo("markdown jardin");
		long bare = messageStartingWith(login, "Une note sans texte");
		assertThat(this.jdbc.sql("select count(*) from message_links where message_id = :id")
			.param("id", bare)
			.query(Long.class)
			.single()).isZero();
		assertThat(messageCount(login, "Rappel privé%")).isZero();
		assertThat(progress(me, id, "en")).contains("1 skipped:").contains("private bookmarks, not asked for: 1");

		importFile(me, "shaarli-notes.html", fixture("shaarli-notes.html"));
		assertThat(messageCount(login, "%")).isEqualTo(3);
	}

	@Test
	void shouldSayHowManyEntriesWereSkippedForEachReasonInBothLanguages() throws Exception {
		String login = TestPeople.uniqueName("skips");
		MockHttpSession me = TestPeople.signUp(this.mvc, login);
		StringBuilder manyTags = new StringBuilder();
		for (int i = 0; i < 60; i++) {
			manyTags.append(i == 0 ? "" : ",").append("tag").append(i);
		}
		String file = """
				<!DOCTYPE NETSCAPE-Bookmark-file-1>
				<DL><p>
				<DT><A HREF="place:sort=8&maxResults=10">Most visited</A>
				<DT><A HREF="place:type=6&sort=14">Recent tags</A>
				<DT><A HREF="javascript:alert(document.title)">Show the title</A>
				<DT><A HREF="ftp://files.example.org/archive.zip">An archive</A>
				<DT><A HREF="https://private.example.org/%1$s" PRIVATE="1">Private</A>
				<DT><A HREF="https://tags.example.org/%1$s" TAGS="%2$s">Too many tags</A>
				<DT><A HREF="https://kept.example.org/%1$s">Kept</A>
				</DL><p>
				""".formatted(login, manyTags);

		long id = importFile(me, "mixed.html", file.getBytes(java.nio.charset.StandardCharsets.UTF_8));

		assertThat(messageCount(login, "%")).isEqualTo(1);
		assertThat(progress(me, id, "en")).contains("6 skipped:")
			.contains("saved browser queries (place:), which are lists, not pages: 2")
			.contains("bookmarklets (javascript:): 1")
			.contains("not a web address (ftp:, file:, mailto:…): 1")
			.contains("private bookmarks, not asked for: 1")
			.contains("over a limit of a message (20,000 characters, 50 tags, 20 links): 1");
		assertThat(progress(me, id, "fr")).contains("6\u00a0ignorés\u00a0:")
			.contains("requêtes enregistrées du navigateur (place:), des listes et non des pages\u00a0: 2")
			.contains("bookmarklets (javascript:)\u00a0: 1")
			.contains("marque-pages privés, non demandés\u00a0: 1");
	}

	@Test
	void shouldRemoveCharactersXmlForbidsFromTheFileNameAndTheEntries() throws Exception {
		String login = TestPeople.uniqueName("dirty");
		MockHttpSession me = TestPeople.signUp(this.mvc, login);
		String file = """
				<DL><p>
				<DT><A HREF="https://dirty.example.org/%s" TAGS="propre&#xFFFF;">Titre&#1; sale\uFFFF</A>
				<DD>Note &#xFFFE;sale
				</DL><p>
				""".formatted(login);

		long id = importFile(me, "sale\u0001\uFFFF.html", file.getBytes(java.nio.charset.StandardCharsets.UTF_8));

		assertThat(this.jdbc.sql("select file_name from imports where id = :id").param("id", id).query(String.class).single())
			.isEqualTo("sale.html");
		assertThat(body(messageStartingWith(login, "Titre"))).isEqualTo(
				"Titre sale\nhttps://dirty.example.org/" + login + "\n\n\u275DNote sale\u275E\n\n#propre");
	}

	private long importFile(MockHttpSession me, String name, byte[] file) throws Exception {
		MockHttpServletResponse response = this.mvc
			.perform(multipart("/settings/import").file(new MockMultipartFile("file", name, "text/html", file))
				.param("skipEnrichment", "true")
				.session(me)
				.with(csrf().asHeader()))
			.andReturn()
			.getResponse();
		assertThat(response.getRedirectedUrl()).as(response.getContentAsString()).startsWith("/settings/import/");
		long id = Long.parseLong(response.getRedirectedUrl().substring("/settings/import/".length()));
		await().atMost(Duration.ofSeconds(60))
			.until(() -> this.jdbc.sql("select status from imports where id = :id")
				.param("id", id)
				.query(String.class)
				.single()
				.equals("done"));
		return id;
	}

	private String progress(MockHttpSession me, long id, String language) throws Exception {
		return this.mvc.perform(get("/settings/import/" + id).session(me).header("Accept-Language", language))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private long messageStartingWith(String login, String start) {
		return this.jdbc.sql("""
				select m.id from messages m join accounts a on a.id = m.author_id
				where a.login = :login and m.body like :start
				""").param("login", login).param("start", start + "%").query(Long.class).single();
	}

	private long messageCount(String login, String pattern) {
		return this.jdbc.sql("""
				select count(*) from messages m join accounts a on a.id = m.author_id
				where a.login = :login and m.body like :pattern
				""").param("login", login).param("pattern", pattern).query(Long.class).single();
	}

	private String body(long id) {
		return this.jdbc.sql("select body from messages where id = :id").param("id", id).query(String.class).single();
	}

	private static byte[] fixture(String name) throws IOException {
		try (InputStream in = ImportNotesAndSkipsIntegrationTests.class.getResourceAsStream("/transfer/" + name)) {
			return in.readAllBytes();
		}
	}

}
