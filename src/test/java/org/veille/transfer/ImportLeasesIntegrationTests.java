package org.veille.transfer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import org.veille.account.PostingPermission;
import org.veille.message.MessageCommands;
import org.veille.support.IntegrationTest;
import org.veille.support.Posting;
import org.veille.support.TestPeople;
import org.veille.transfer.format.ImportOptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An import whose instance stopped (issue 11): marked interrupted, with a page saying what to do, by the
 * next instance to start or by any running one; never an import whose instance still stores it.
 */
@IntegrationTest
class ImportLeasesIntegrationTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private ImportLeases leases;

	@Autowired
	private MessageCommands commands;

	@Autowired
	private TransactionTemplate transactions;

	@Autowired
	private PostingPermission permission;

	@Test
	void shouldMarkInterruptedAtStartUpAnImportWhoseInstanceStoppedBeatingAndNoOther() throws Exception {
		String login = TestPeople.uniqueName("lost");
		MockHttpSession session = TestPeople.signUp(this.mvc, login);
		long account = ImportRuns.accountId(this.jdbc, login);
		long lost = runningImport(account, "10 minutes");
		long elsewhere = runningImport(account, "5 seconds");

		// This instance starting again: its first sweep runs at once.
		this.leases.stop();
		this.leases.start();
		await().atMost(Duration.ofSeconds(30)).until(() -> status(lost).equals("interrupted"));

		assertThat(status(elsewhere)).isEqualTo("running");
		String page = Posting.page(this.mvc, session, "/settings/import/" + lost);
		assertThat(page).contains("The import was interrupted")
			.contains("import the same file again")
			.doesNotContain("http-equiv=\"refresh\"");
		finish(elsewhere);
	}

	@Test
	void shouldKeepBeatingForTheImportsThisInstanceStores() throws Exception {
		String login = TestPeople.uniqueName("beating");
		TestPeople.signUp(this.mvc, login);
		long mine = runningImport(ImportRuns.accountId(this.jdbc, login), "10 minutes");

		this.leases.started(mine);
		this.leases.beat();
		this.leases.sweep();
		this.leases.ended(mine);

		assertThat(status(mine)).isEqualTo("running");
		finish(mine);
	}

	@Test
	void shouldSayInterruptedWhenTheApplicationStopsDuringAnImport() throws Exception {
		String login = TestPeople.uniqueName("stopping");
		TestPeople.signUp(this.mvc, login);
		long account = ImportRuns.accountId(this.jdbc, login);
		ImportService service = new ImportService(this.commands, this.permission, this.transactions, this.jdbc,
				Clock.systemUTC(), this.leases);
		Path file = Files.createTempFile("veille-import-", ".html");
		Files.writeString(file, bookmarks(60_000));

		long id = service.start(account, "large.html", file,
				new ImportService.Choices(ImportOptions.defaults(), true, false));
		await().atMost(Duration.ofSeconds(60)).until(() -> created(id) > 0);
		service.destroy();

		assertThat(status(id)).isEqualTo("interrupted");
		assertThat(created(id)).isLessThan(60_000);
	}

	/** An import left running, its last heartbeat this long ago (a PostgreSQL interval). */
	private long runningImport(long account, String heartbeatAge) {
		return this.jdbc.sql("""
				insert into imports (account_id, file_name, format, status, enrich, total, started_at, heartbeat_at)
				values (:account, 'bookmarks.html', 'NETSCAPE', 'running', false, 10, now() - interval '1 hour',
				        now() - cast(:age as interval))
				returning id
				""").param("account", account).param("age", heartbeatAge).query(Long.class).single();
	}

	private String status(long id) {
		return this.jdbc.sql("select status from imports where id = :id").param("id", id).query(String.class).single();
	}

	private int created(long id) {
		return this.jdbc.sql("select created from imports where id = :id").param("id", id).query(Integer.class).single();
	}

	private void finish(long id) {
		this.jdbc.sql("update imports set status = 'done' where id = :id").param("id", id).update();
	}

	private static String bookmarks(int count) {
		StringBuilder file = new StringBuilder("<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<DL><p>\n");
		for (int i = 0; i < count; i++) {
			file.append("<DT><A HREF=\"https://stop.example.org/").append(i).append("\" ADD_DATE=\"")
				.append(1_600_000_000L + i).append("\">Entry ").append(i).append("</A>\n");
		}
		return file.append("</DL><p>\n").toString();
	}

}
