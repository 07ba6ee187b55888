package org.veille.link;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import org.veille.database.Timestamps;
import org.veille.support.IntegrationTest;
import org.veille.support.TestPeople;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * New fetch jobs for one host are queued a spacing apart (an import citing thousands of pages of one
 * site must not fetch them all at once); another host is not held up.
 */
@IntegrationTest
class HostSpacingIntegrationTests {

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private TransactionTemplate transactions;

	@Test
	void shouldQueueJobsOfOneHostOneSpacingApart() {
		String host = TestPeople.uniqueName("slots").replace('_', '-').toLowerCase() + ".example.org";
		String other = "other-" + host;
		LinkIndex index = new LinkIndex(this.jdbc, Duration.ofSeconds(2));
		List<Long> ids = new ArrayList<>();
		for (String name : List.of(host, host, host, other)) {
			ids.add(link(name, "/page/" + ids.size()));
		}
		try {
			Instant before = Instant.now().minusSeconds(1);
			this.transactions.executeWithoutResult((status) -> ids.forEach(index::enqueueIfNeverFetched));
			boolean again = Boolean.TRUE.equals(this.transactions.execute((status) -> index.enqueueIfNeverFetched(ids.get(0))));

			List<Instant> due = ids.stream()
				.map((id) -> this.jdbc.sql("select not_before from link_fetch_jobs where link_id = :id")
					.param("id", id)
					.query((rs, row) -> Timestamps.read(rs, "not_before"))
					.single())
				.toList();
			assertThat(due.get(0)).isAfter(before);
			assertThat(Duration.between(due.get(0), due.get(1))).isEqualTo(Duration.ofSeconds(2));
			assertThat(Duration.between(due.get(1), due.get(2))).isEqualTo(Duration.ofSeconds(2));
			assertThat(due.get(3)).as("another host waits for nobody").isBefore(due.get(1));
			assertThat(again).as("a link queued already").isFalse();
		}
		finally {
			this.jdbc.sql("delete from links where id = any(:ids)").param("ids", ids.toArray(Long[]::new)).update();
		}
	}

	@Test
	void shouldQueueTheJobsOfABatchOfMessagesOneSpacingApartInTheirOrder() {
		String host = TestPeople.uniqueName("batch").replace('_', '-').toLowerCase() + ".example.org";
		LinkIndex index = new LinkIndex(this.jdbc, Duration.ofSeconds(2));
		long author = this.jdbc.sql("""
				insert into accounts (login, email, password_hash) values (:login, :login || '@example.org', 'x') returning id
				""").param("login", host.substring(0, host.indexOf('.')).replace('-', '_')).query(Long.class).single();
		Instant at = Instant.parse("2020-05-01T10:00:00Z");
		List<LinkIndex.Citing> messages = new ArrayList<>();
		for (List<String> urls : List.of(List.of("https://" + host + "/one", "https://other-" + host + "/"),
				List.of("https://" + host + "/two", "https://www." + host + "/one"), List.of("https://" + host + "/three"))) {
			long id = this.jdbc.sql("""
					insert into messages (uuid, author_id, body, title, created_at, updated_at, activity_at)
					values (gen_random_uuid(), :author, 'cites', 'cites', :at, :at, :at) returning id
					""").param("author", author).param("at", Timestamps.of(at)).query(Long.class).single();
			messages.add(new LinkIndex.Citing(id, id, at, urls));
		}
		Instant before = Instant.now().minusSeconds(1);

		boolean queued = Boolean.TRUE.equals(this.transactions.execute((status) -> index.attachAll(messages, true)));

		List<Instant> due = this.jdbc.sql("""
				select j.not_before from link_fetch_jobs j join links l on l.id = j.link_id
				where l.host = :host order by j.not_before
				""").param("host", host).query((rs, row) -> Timestamps.read(rs, "not_before")).list();
		List<String> order = this.jdbc.sql("""
				select l.url from link_fetch_jobs j join links l on l.id = j.link_id
				where l.host = :host order by j.not_before
				""").param("host", host).query(String.class).list();
		this.jdbc.sql("delete from link_fetch_jobs where link_id in (select id from links where host in (:hosts))")
			.param("hosts", List.of(host, "other-" + host))
			.update();
		assertThat(queued).isTrue();
		assertThat(order).as("one job per page, in the order cited")
			.containsExactly("https://" + host + "/one", "https://" + host + "/two", "https://" + host + "/three");
		assertThat(due.get(0)).isAfter(before);
		assertThat(Duration.between(due.get(0), due.get(1))).isEqualTo(Duration.ofSeconds(2));
		assertThat(Duration.between(due.get(1), due.get(2))).isEqualTo(Duration.ofSeconds(2));
	}

	@Test
	void shouldTakeTheHostsSlotAtCommitWithoutWaitingForAnotherOpenTransaction() throws Exception {
		String host = TestPeople.uniqueName("open").replace('_', '-').toLowerCase() + ".example.org";
		LinkIndex index = new LinkIndex(this.jdbc, Duration.ofSeconds(2));
		List<Long> ids = new ArrayList<>();
		for (String path : List.of("/first", "/second")) {
			ids.add(link(host, path));
		}
		CountDownLatch queued = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		try {
			CompletableFuture<Void> open = CompletableFuture.runAsync(() -> this.transactions.executeWithoutResult((status) -> {
				index.enqueueIfNeverFetched(ids.get(0));
				queued.countDown();
				try {
					release.await(60, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}));
			assertThat(queued.await(30, TimeUnit.SECONDS)).isTrue();

			CompletableFuture.runAsync(() -> this.transactions.executeWithoutResult((status) -> index.enqueueIfNeverFetched(ids.get(1))))
				.get(30, TimeUnit.SECONDS);
			assertThat(open).as("the first transaction is still open").isNotDone();
			release.countDown();
			open.get(30, TimeUnit.SECONDS);

			List<Instant> due = ids.stream()
				.map((id) -> this.jdbc.sql("select not_before from link_fetch_jobs where link_id = :id")
					.param("id", id)
					.query((rs, row) -> Timestamps.read(rs, "not_before"))
					.single())
				.toList();
			assertThat(Duration.between(due.get(1), due.get(0))).as("the first to commit has the first slot")
				.isEqualTo(Duration.ofSeconds(2));
		}
		finally {
			release.countDown();
			this.jdbc.sql("delete from links where id = any(:ids)").param("ids", ids.toArray(Long[]::new)).update();
		}
	}

	/** A link never fetched, of this host and path. */
	private long link(String host, String path) {
		return this.jdbc.sql("""
				insert into links (url, host, normalized, normalized_hash)
				values (:url, :host, :url, sha256(convert_to(:url, 'UTF8'))) returning id
				""").param("url", "https://" + host + path).param("host", host).query(Long.class).single();
	}

}
