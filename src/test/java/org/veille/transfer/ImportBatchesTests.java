package org.veille.transfer;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import org.veille.support.IntegrationTest;
import org.veille.support.TestPeople;
import org.veille.transfer.format.ImportOptions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An import stored by batches of {@value ImportService#BATCH}: counters summed over the batches, an
 * entry repeated in a later batch left alone, private bookmarks left out unless chosen, and fetches
 * queued for its links when enrichment is on.
 */
@IntegrationTest
class ImportBatchesTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private ImportService imports;

	@Test
	void shouldCountEveryEntryOnceAcrossBatchesAndLeaveOutPrivateBookmarks() throws Exception {
		String login = TestPeople.uniqueName("batches");
		TestPeople.signUp(this.mvc, login);
		String host = login.replace('_', '-') + ".example.org";
		int distinct = ImportService.BATCH + ImportService.BATCH / 2;
		StringBuilder file = new StringBuilder("<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<DL><p>\n");
		for (int i = 0; i < distinct; i++) {
			file.append(entry(host, i, i % 10 == 0));
		}
		for (int i = 0; i < 5; i++) {
			file.append(entry(host, i * 7 + 1, false));
		}
		file.append("</DL><p>\n");
		int privates = (distinct + 9) / 10;

		long id = ImportRuns.importAndWait(this.imports, this.jdbc, ImportRuns.accountId(this.jdbc, login), "bookmarks.html",
				file.toString(), new ImportService.Choices(ImportOptions.defaults(), false, true));

		assertThat(this.jdbc.sql("select created || '/' || duplicates || '/' || skipped || '/' || total from imports where id = :id")
			.param("id", id)
			.query(String.class)
			.single()).isEqualTo((distinct - privates) + "/5/" + privates + "/" + (distinct + 5));
		assertThat(this.jdbc.sql("""
				select count(*) from messages m join accounts a on a.id = m.author_id where a.login = :login
				""").param("login", login).query(Long.class).single()).isEqualTo(distinct - privates);
		assertThat(this.jdbc.sql("""
				select count(*) from link_fetch_jobs j join links l on l.id = j.link_id where l.host = :host
				""").param("host", host).query(Long.class).single()).as("a fetch for each new link")
			.isEqualTo(distinct - privates);
		this.jdbc.sql("delete from link_fetch_jobs where link_id in (select id from links where host = :host)")
			.param("host", host)
			.update();
	}

	private static String entry(String host, int i, boolean isPrivate) {
		return "<DT><A HREF=\"https://" + host + "/page/" + i + "\" ADD_DATE=\"" + (1_650_000_000L + i * 60L)
				+ "\" PRIVATE=\"" + (isPrivate ? 1 : 0) + "\" TAGS=\"batch" + (i % 3) + "\">Page " + i + "</A>\n";
	}

}
