package org.veille.message;

import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import org.veille.support.IntegrationTest;
import org.veille.support.TestPeople;
import org.veille.support.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Posts that share rows (a tag, a site, a page everyone cites that day) do not wait for each other's whole
 * transactions (issue 11): the shared rows are written when a post commits (database.WritesAtCommit), and a
 * link or tag that exists already is read, not written. A post still open here must not hold back another
 * person's post through the real server.
 */
@IntegrationTest
class SharedRowsIntegrationTests {

	@LocalServerPort
	private int port;

	@Autowired
	private MessageService messages;

	@Autowired
	private TransactionTemplate transactions;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void shouldNotWaitForAnOpenPostThatSharesItsTagSiteAndLink() throws Exception {
		String tag = TestPeople.uniqueName("shared");
		String site = tag.replace('_', '-') + ".example.org";
		String page = "https://" + site + "/today";
		WebSession first = signedIn(tag + "a");
		WebSession second = signedIn(tag + "b");
		// Both have used the tag, the site and the page once, so that every row exists before the race.
		assertThat(first.postMessage("Seen\n" + page + "\n\nA first look. #" + tag).statusCode()).isEqualTo(302);
		assertThat(second.postMessage("Seen too\n" + page + "\n\nAnother look. #" + tag).statusCode()).isEqualTo(302);
		long firstId = accountId(tag + "a");
		CountDownLatch posted = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);

		CompletableFuture<Posted> open = CompletableFuture.supplyAsync(() -> this.transactions.execute((status) -> {
			Posted thread = this.messages.startThread(firstId, "Again\n" + page + "\n\nStill open. #" + tag);
			posted.countDown();
			await(release);
			return thread;
		}));
		try {
			assertThat(posted.await(30, TimeUnit.SECONDS)).as("the first post is stored, not committed").isTrue();
			HttpResponse<String> meanwhile = CompletableFuture
				.supplyAsync(() -> second.postMessage("Meanwhile\n" + page + "\n\nNot waiting. #" + tag))
				.get(30, TimeUnit.SECONDS);
			assertThat(meanwhile.statusCode()).isEqualTo(302);
			assertThat(open).as("the first post's transaction is still open").isNotDone();
		}
		finally {
			release.countDown();
		}
		open.get(30, TimeUnit.SECONDS);

		assertThat(this.jdbc.sql("select thread_count from tags where key = :key").param("key", tag).query(Integer.class).single())
			.as("every thread counted once").isEqualTo(4);
		assertThat(this.jdbc.sql("select uses from tag_spellings s join tags t on t.id = s.tag_id where t.key = :key")
			.param("key", tag)
			.query(Integer.class)
			.single()).isEqualTo(4);
		assertThat(this.jdbc.sql("select thread_count from site_paths where host = :host and path = ''")
			.param("host", site)
			.query(Integer.class)
			.single()).isEqualTo(4);
		assertThat(this.jdbc.sql("select count(*) from links where host = :host").param("host", site).query(Long.class).single())
			.isEqualTo(1);
	}

	private WebSession signedIn(String login) {
		WebSession person = new WebSession(this.port);
		assertThat(person.signUp(login).statusCode()).isEqualTo(302);
		assertThat(person.signIn(login).statusCode()).isEqualTo(302);
		return person;
	}

	private long accountId(String login) {
		return this.jdbc.sql("select id from accounts where login = :login").param("login", login).query(Long.class).single();
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(60, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
