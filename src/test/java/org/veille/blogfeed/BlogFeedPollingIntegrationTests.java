package org.veille.blogfeed;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.Headers;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import org.veille.blogfeed.TestFeeds.Item;
import org.veille.link.fetch.LocalHttpServer;
import org.veille.message.MessageCommands;
import org.veille.outbound.OutboundClient;
import org.veille.support.Admins;
import org.veille.support.IntegrationTest;
import org.veille.support.TestPeople;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/**
 * Feeds polled by the shared context's workers, from feeds served by a local server: entries posted as their
 * owner's messages once, the latest ten at first; conditional GETs; updates; failures backed off; paused feeds and
 * suspended people left alone. A test makes a feed due again by moving its next poll to now (time passing).
 */
@IntegrationTest
class BlogFeedPollingIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(20);

	private static final Instant DAY = Instant.parse("2026-11-01T08:00:00Z");

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private BlogFeedWorkers workers;

	@Autowired
	private MessageCommands messages;

	@Autowired
	private BlogFeeds feeds;

	@Autowired
	private EntryPosting posting;

	@Autowired
	private OutboundClient client;

	@Autowired
	private BlogFeedProperties properties;

	@Autowired
	private Clock clock;

	@Autowired
	private MeterRegistry registry;

	private LocalHttpServer server;

	private String login;

	private MockHttpSession session;

	@BeforeEach
	void start() throws Exception {
		this.server = LocalHttpServer.start();
		this.login = TestPeople.uniqueName("feeds");
		this.session = TestPeople.signUp(this.mvc, this.login);
	}

	/** The feeds of this server go, so that no later poll reaches whatever listens on its port next. */
	@AfterEach
	void stop() {
		this.jdbc.sql("delete from blog_feeds where url like :server").param("server", this.server.uri("/") + "%")
			.update();
		this.server.close();
	}

	@Test
	void shouldPostTheLatestTenEntriesOldestFirstWithTheirTagsAndNeverTwice() throws Exception {
		List<Item> items = new ArrayList<>();
		for (int i = 0; i < 15; i++) {
			// In no order of date, as some feeds are.
			int day = (i * 7) % 15;
			items.add(new Item("entry-" + day, "Entry " + day, "https://blog.example.org/" + day,
					DAY.plus(Duration.ofDays(day)), "Summary " + day, List.of("Day " + day, "blog")));
		}
		serve("/feed.xml", TestFeeds.rss(items));

		long feed = addFeed("/feed.xml");
		await().atMost(WAIT).until(() -> row(feed).lastPolledAt() != null);

		assertThat(titles()).as("the latest ten, oldest first")
			.containsExactly("Entry 5", "Entry 6", "Entry 7", "Entry 8", "Entry 9", "Entry 10", "Entry 11", "Entry 12",
					"Entry 13", "Entry 14");
		this.mvc.perform(get("/tag/day_14")).andExpect(content().string(containsString("Entry 14")));
		assertThat(row(feed).lastPosted()).isEqualTo(10);

		pollAgain(feed);

		assertThat(titles()).hasSize(10);
		assertThat(this.server.requestedPaths().stream().filter("/feed.xml"::equals)).hasSize(2);
	}

	@Test
	void shouldSendTheValidatorsBackAndTakeNotModifiedAsNothingNew() throws Exception {
		byte[] feedBody = TestFeeds.rss(List.of(Item.of("a", "Only entry", DAY))).getBytes(StandardCharsets.UTF_8);
		AtomicReference<Headers> lastRequest = new AtomicReference<>();
		this.server.route("/conditional.xml", (exchange) -> {
			lastRequest.set(exchange.getRequestHeaders());
			if ("\"v1\"".equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
				exchange.sendResponseHeaders(304, -1);
				exchange.close();
				return;
			}
			exchange.getResponseHeaders().set("ETag", "\"v1\"");
			exchange.getResponseHeaders().set("Last-Modified", "Sun, 01 Nov 2026 08:00:00 GMT");
			write(exchange, "application/rss+xml", feedBody);
		});
		long feed = addFeed("/conditional.xml");
		await().atMost(WAIT).until(() -> row(feed).lastPolledAt() != null);
		assertThat(row(feed).outcome()).isEqualTo("ok");

		pollAgain(feed);

		assertThat(lastRequest.get().getFirst("If-None-Match")).isEqualTo("\"v1\"");
		assertThat(lastRequest.get().getFirst("If-Modified-Since")).isEqualTo("Sun, 01 Nov 2026 08:00:00 GMT");
		assertThat(row(feed).outcome()).isEqualTo("not-modified");
		assertThat(titles()).containsExactly("Only entry");
		this.mvc.perform(get("/settings/feeds").session(this.session))
			.andExpect(content().string(containsString("nothing changed since the time before")));
	}

	@Test
	void shouldEditTheMessageOfAnUpdatedEntryUnlessItsAuthorEditedItAndPostNewEntries() throws Exception {
		serve("/updates.xml", TestFeeds.rss(List.of(Item.of("a", "First title", DAY),
				Item.of("b", "Second title", DAY.plusSeconds(60)))));
		long feed = addFeed("/updates.xml");
		await().atMost(WAIT).until(() -> titles().size() == 2);
		long second = messageId("Second title");
		this.messages.edit(accountId(), second, "Second title, as I like it better");

		serve("/updates.xml", TestFeeds.rss(List.of(Item.of("a", "First title, corrected", DAY),
				Item.of("b", "Second title, corrected", DAY.plusSeconds(60)),
				Item.of("c", "Third entry", DAY.plusSeconds(120)))));
		pollAgain(feed);

		assertThat(titles()).containsExactly("First title, corrected", "Second title, as I like it better",
				"Third entry");
	}

	@Test
	void shouldBackOffAfterEachFailureAndSayWhatFailed() throws Exception {
		this.server.route("/down.xml", (exchange) -> {
			exchange.sendResponseHeaders(503, -1);
			exchange.close();
		});
		long feed = addFeed("/down.xml");
		await().atMost(WAIT).until(() -> row(feed).lastPolledAt() != null);
		FeedRow first = row(feed);
		assertThat(first.outcome()).isEqualTo("failed");
		assertThat(first.error()).isEqualTo("blogfeeds.error.status");
		assertThat(Duration.between(first.lastPolledAt(), first.nextPollAt())).isEqualTo(Duration.ofMinutes(30));
		this.mvc.perform(get("/settings/feeds").session(this.session))
			.andExpect(content().string(containsString("The server answered with an error.")))
			.andExpect(content().string(containsString("503")));

		pollAgain(feed);
		FeedRow second = row(feed);
		assertThat(Duration.between(second.lastPolledAt(), second.nextPollAt())).isEqualTo(Duration.ofHours(1));

		serve("/down.xml", TestFeeds.rss(List.of(Item.of("a", "Back up", DAY))));
		pollAgain(feed);
		FeedRow recovered = row(feed);
		assertThat(recovered.outcome()).isEqualTo("ok");
		assertThat(recovered.error()).isNull();
		assertThat(Duration.between(recovered.lastPolledAt(), recovered.nextPollAt())).isEqualTo(Duration.ofMinutes(15));
		assertThat(titles()).containsExactly("Back up");
	}

	@Test
	void shouldGiveUpOnAFeedThatRedirectsForever() throws Exception {
		this.server.redirect("/loop.xml", 302, "/loop.xml");
		long feed = addFeed("/loop.xml");

		await().atMost(WAIT).until(() -> row(feed).lastPolledAt() != null);

		assertThat(row(feed).error()).isEqualTo("blogfeeds.error.redirects");
		assertThat(this.server.requestedPaths().stream().filter("/loop.xml"::equals)).hasSize(6);
	}

	@Test
	void shouldKeepTheNewAddressOfAFeedMovedForGood() throws Exception {
		serve("/moved.xml", TestFeeds.rss(List.of(Item.of("m", "Moved entry", DAY))));
		this.server.redirect("/old.xml", 301, "/between.xml");
		this.server.redirect("/between.xml", 308, this.server.uri("/moved.xml").toString());
		long feed = addFeed("/old.xml");

		await().atMost(WAIT).until(() -> row(feed).lastPolledAt() != null);

		assertThat(row(feed).outcome()).isEqualTo("ok");
		assertThat(urlOf(feed)).isEqualTo(this.server.uri("/moved.xml").toString());
		assertThat(titles()).containsExactly("Moved entry");
		pollAgain(feed);
		assertThat(this.server.requestedPaths()).containsExactly("/old.xml", "/between.xml", "/moved.xml", "/moved.xml");
	}

	@Test
	void shouldKeepTheAddressOfAFeedMovedForAWhile() throws Exception {
		serve("/today.xml", TestFeeds.rss(List.of(Item.of("t", "Entry of today", DAY))));
		this.server.redirect("/usual.xml", 302, "/today.xml");
		this.server.redirect("/kept.xml", 301, "/for-now.xml");
		this.server.redirect("/for-now.xml", 307, "/today.xml");
		this.server.redirect("/gone-for-good.xml", 301, "/missing.xml");
		long temporary = addFeed("/usual.xml");
		long partly = addFeed("/kept.xml");
		long broken = addFeed("/gone-for-good.xml");
		this.server.redirect("/second.xml", 301, "/today.xml");
		long first = addFeed("/today.xml");
		long second = addFeed("/second.xml");

		await().atMost(WAIT).until(() -> row(temporary).lastPolledAt() != null && row(partly).lastPolledAt() != null
				&& row(broken).lastPolledAt() != null && row(first).lastPolledAt() != null
				&& row(second).lastPolledAt() != null);

		assertThat(urlOf(temporary)).as("302").isEqualTo(this.server.uri("/usual.xml").toString());
		assertThat(urlOf(partly)).as("301 then 307: as far as the permanent move")
			.isEqualTo(this.server.uri("/for-now.xml").toString());
		assertThat(urlOf(broken)).as("moved to an address that fails").isEqualTo(this.server.uri("/gone-for-good.xml")
			.toString());
		assertThat(urlOf(second)).as("moved where the person has a feed already")
			.isEqualTo(this.server.uri("/second.xml").toString());
	}

	@Test
	void shouldPostTheLinkOfAnAtomEntryResolvedAgainstItsXmlBase() throws Exception {
		String atom = """
				<?xml version="1.0" encoding="utf-8"?>
				<feed xmlns="http://www.w3.org/2005/Atom" xml:base="/blog/"><title>Based</title><id>tag:based</id>
				<updated>2026-12-06T10:00:00Z</updated>
				<entry xml:base="2026/"><title>Based entry</title><id>tag:based:1</id><link href="based-entry"/>
				<updated>2026-12-06T10:00:00Z</updated></entry></feed>""";
		this.server.content("/feeds/atom.xml", "application/atom+xml", atom.getBytes(StandardCharsets.UTF_8));
		long feed = addFeed("/feeds/atom.xml");

		await().atMost(WAIT).until(() -> row(feed).lastPolledAt() != null);

		assertThat(this.jdbc.sql("select body from messages where id = :id").param("id", messageId("Based entry"))
			.query(String.class).single()).contains(this.server.uri("/blog/2026/based-entry").toString());
	}

	private String urlOf(long feed) {
		return this.jdbc.sql("select url from blog_feeds where id = :id").param("id", feed).query(String.class).single();
	}

	@Test
	void shouldRefuseAFeedOf50MegabytesWithoutReadingItAll() throws Exception {
		byte[] chunk = ("<item><title>" + "x".repeat(4_000) + "</title></item>").getBytes(StandardCharsets.UTF_8);
		this.server.route("/huge.xml", (exchange) -> {
			exchange.getResponseHeaders().set("Content-Type", "application/rss+xml");
			exchange.sendResponseHeaders(200, 0);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write("<rss version=\"2.0\"><channel>".getBytes(StandardCharsets.UTF_8));
				for (long sent = 0; sent < 50L * 1024 * 1024; sent += chunk.length) {
					out.write(chunk);
				}
			}
			catch (IOException ex) {
				// Veille hung up once it had read its limit.
			}
		});
		this.server.route("/declared.xml", (exchange) -> {
			exchange.getResponseHeaders().set("Content-Type", "application/rss+xml");
			exchange.sendResponseHeaders(200, 50L * 1024 * 1024);
			exchange.close();
		});
		long huge = addFeed("/huge.xml");
		long declared = addFeed("/declared.xml");

		await().atMost(WAIT).until(() -> row(huge).lastPolledAt() != null && row(declared).lastPolledAt() != null);

		assertThat(row(huge).error()).isEqualTo("blogfeeds.error.too-large");
		assertThat(row(declared).error()).isEqualTo("blogfeeds.error.too-large");
	}

	@Test
	void shouldTellEntriesWithoutGuidsByTheirLinksAndLeaveOutThoseWithNeither() throws Exception {
		serve("/no-ids.xml", TestFeeds.rss(List.of(
				new Item(null, "Linked only", "https://blog.example.org/linked", DAY, "Text", List.of()),
				new Item(null, "Nothing to tell it by", null, DAY, "Text", List.of()))));
		long feed = addFeed("/no-ids.xml");
		await().atMost(WAIT).until(() -> row(feed).lastPolledAt() != null);

		pollAgain(feed);

		assertThat(titles()).containsExactly("Linked only");
		assertThat(row(feed).error()).isEqualTo("blogfeeds.warning.unidentified");
		this.mvc.perform(get("/settings/feeds").session(this.session))
			.andExpect(content().string(containsString("One entry was left out: with neither an id nor a link")));
	}

	@Test
	void shouldLeaveOutAnEntryOverTheLimitsOfAMessageAndSaySo() throws Exception {
		serve("/long.xml", TestFeeds.rss(List.of(Item.of("fine", "A fine entry", DAY),
				Item.of("long", "A title of a book's length " + "word ".repeat(5_000), DAY.plusSeconds(60)))));
		long feed = addFeed("/long.xml");
		await().atMost(WAIT).until(() -> row(feed).lastPolledAt() != null);

		assertThat(titles()).containsExactly("A fine entry");
		assertThat(row(feed).error()).isEqualTo("blogfeeds.warning.over-limit");
		this.mvc.perform(get("/settings/feeds").session(this.session))
			.andExpect(content().string(containsString("One entry was left out: over the limits of a message")));

		pollAgain(feed);
		assertThat(row(feed).error()).as("left out for good: not tried again").isNull();
		assertThat(titles()).containsExactly("A fine entry");
	}

	@Test
	void shouldSayWhenTheAddressGivesNoFeed() throws Exception {
		serve("/page.html", "<!DOCTYPE html><html><head><title>My blog</title></head><body></body></html>");
		long feed = addFeed("/page.html");

		await().atMost(WAIT).until(() -> row(feed).lastPolledAt() != null);

		assertThat(row(feed).error()).isEqualTo("blogfeeds.error.not-a-feed");
	}

	@Test
	void shouldNotPollAPausedFeedNorTheFeedsOfASuspendedPerson() throws Exception {
		serve("/paused.xml", TestFeeds.rss(List.of(Item.of("a", "Paused entry", DAY))));
		serve("/live.xml", TestFeeds.rss(List.of(Item.of("b", "Live entry", DAY))));
		long paused = addFeed("/paused.xml");
		await().atMost(WAIT).until(() -> row(paused).lastPolledAt() != null);
		this.mvc.perform(post("/settings/feeds/" + paused + "/pause").session(this.session).with(csrf()))
			.andExpect(redirectedUrl("/settings/feeds"));
		serve("/paused.xml", TestFeeds.rss(List.of(Item.of("a2", "Written while paused", DAY))));
		this.jdbc.sql("update blog_feeds set next_poll_at = now() - interval '1 hour' where id = :id")
			.param("id", paused)
			.update();

		// A feed due later than the paused one is polled: the paused one would have been first.
		long live = addFeed("/live.xml");
		await().atMost(WAIT).until(() -> row(live).lastPolledAt() != null);
		assertThat(titles()).containsExactly("Paused entry", "Live entry");

		String other = TestPeople.uniqueName("suspended");
		MockHttpSession suspendedSession = TestPeople.signUp(this.mvc, other);
		serve("/suspended.xml", TestFeeds.rss(List.of(Item.of("s", "Suspended entry", DAY))));
		this.mvc.perform(post("/settings/feeds").session(suspendedSession).with(csrf())
			.param("url", this.server.uri("/suspended.xml").toString()));
		long suspended = feedId(other);
		await().atMost(WAIT).until(() -> row(suspended).lastPolledAt() != null);
		this.mvc.perform(post("/admin/people/" + other + "/suspend").session(Admins.signIn(this.mvc, this.jdbc))
			.with(csrf()));
		this.jdbc.sql("update blog_feeds set next_poll_at = now() - interval '1 hour', claimed_until = null where id = :id")
			.param("id", suspended)
			.update();
		serve("/after.xml", TestFeeds.rss(List.of(Item.of("c", "After the suspension", DAY))));
		long after = addFeed("/after.xml");
		await().atMost(WAIT).until(() -> row(after).lastPolledAt() != null);

		assertThat(this.server.requestedPaths().stream().filter("/suspended.xml"::equals)).as("polled once, before")
			.hasSize(1);
		assertThat(row(paused).lastPolledAt()).isBefore(row(live).lastPolledAt());
		this.mvc.perform(post("/settings/feeds/" + paused + "/resume").session(this.session).with(csrf()))
			.andExpect(redirectedUrl("/settings/feeds"));
		assertThat(row(paused).nextPollAt()).as("resumed: due once 15 minutes passed since its last poll")
			.isEqualTo(row(paused).lastPolledAt().plus(Duration.ofMinutes(15)));
	}

	@Test
	void shouldPollEachFeedOnceWithTwoInstancesOnOneDatabase() throws Exception {
		BlogFeedProperties four = new BlogFeedProperties(true, 4, this.properties.pollEvery(),
				this.properties.maxBackoff(), this.properties.maxSize(), this.properties.totalTimeout(),
				Duration.ofMillis(50));
		BlogFeedWorkers secondInstance = new BlogFeedWorkers(
				new FeedPoller(this.feeds, new FeedFetch(this.client, four), this.posting, four, this.clock), four);
		secondInstance.start();
		List<Long> added = new ArrayList<>();
		try {
			for (int person = 0; person < 3; person++) {
				MockHttpSession session = TestPeople.signUp(this.mvc, TestPeople.uniqueName("twice"));
				for (int i = 0; i < 4; i++) {
					String path = "/shared-" + person + "-" + i + ".xml";
					serve(path, TestFeeds.rss(List.of(Item.of(path, "Entry of " + path, DAY))));
					this.mvc.perform(post("/settings/feeds").session(session).with(csrf())
						.param("url", this.server.uri(path).toString())).andExpect(redirectedUrl("/settings/feeds"));
					added.add(this.jdbc.sql("select id from blog_feeds where url = :url")
						.param("url", this.server.uri(path).toString())
						.query(Long.class)
						.single());
				}
			}
			await().atMost(WAIT).until(() -> added.stream().allMatch((feed) -> row(feed).lastPosted() == 1));
		}
		finally {
			secondInstance.stop();
		}

		assertThat(this.server.requestedPaths()).as("each feed fetched once").hasSize(12).doesNotHaveDuplicates();
	}

	@Test
	void shouldCountTheFeedsWaitingForAPollInTheMetrics() throws Exception {
		this.workers.stop();
		try {
			serve("/waiting.xml", TestFeeds.rss(List.of(Item.of("w", "Waiting", DAY))));
			long feed = addFeed("/waiting.xml");
			this.jdbc.sql("update blog_feeds set next_poll_at = now() - interval '1 minute' where id = :id")
				.param("id", feed)
				.update();

			await().atMost(WAIT).until(() -> this.registry.get("veille.blog.feeds.due").gauge().value() >= 1
					&& this.registry.get("veille.blog.feeds.oldest.age").gauge().value() >= 60);
		}
		finally {
			this.workers.start();
		}
	}

	private void serve(String path, String xml) {
		this.server.content(path, "application/rss+xml; charset=utf-8", xml.getBytes(StandardCharsets.UTF_8));
	}

	private static void write(com.sun.net.httpserver.HttpExchange exchange, String type, byte[] body)
			throws IOException {
		exchange.getResponseHeaders().set("Content-Type", type);
		exchange.sendResponseHeaders(200, body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	private long addFeed(String path) throws Exception {
		this.mvc.perform(post("/settings/feeds").session(this.session).with(csrf())
			.param("url", this.server.uri(path).toString())).andExpect(redirectedUrl("/settings/feeds"));
		// The latest feed added, not the one at this address: a poll may already have followed a permanent redirect.
		return this.jdbc.sql("select max(id) from blog_feeds where account_id = :account")
			.param("account", accountId())
			.query(Long.class)
			.single();
	}

	/** Time passes: the feed is due now, and polled. */
	private void pollAgain(long feed) {
		Instant before = row(feed).lastPolledAt();
		this.jdbc.sql("update blog_feeds set next_poll_at = now() where id = :id").param("id", feed).update();
		this.workers.wake();
		await().atMost(WAIT).until(() -> !before.equals(row(feed).lastPolledAt()));
	}

	private long accountId() {
		return this.jdbc.sql("select id from accounts where login = :login").param("login", this.login)
			.query(Long.class)
			.single();
	}

	private long feedId(String owner) {
		return this.jdbc.sql("select f.id from blog_feeds f join accounts a on a.id = f.account_id where a.login = :login")
			.param("login", owner)
			.query(Long.class)
			.single();
	}

	private List<String> titles() {
		return this.jdbc.sql("""
				select m.title from messages m join accounts a on a.id = m.author_id
				where a.login = :login and m.deleted_at is null order by m.id
				""").param("login", this.login).query(String.class).list();
	}

	private long messageId(String title) {
		return this.jdbc.sql("""
				select m.id from messages m join accounts a on a.id = m.author_id where a.login = :login and m.title = :title
				""").param("login", this.login).param("title", title).query(Long.class).single();
	}

	record FeedRow(@Nullable Instant lastPolledAt, Instant nextPollAt, @Nullable String outcome,
			@Nullable String error, int lastPosted) {
	}

	private FeedRow row(long feed) {
		return this.jdbc.sql("""
				select last_polled_at, next_poll_at, last_outcome, last_error, last_posted from blog_feeds where id = :id
				""")
			.param("id", feed)
			.query((rs, n) -> new FeedRow(org.veille.database.Timestamps.readNullable(rs, "last_polled_at"),
					org.veille.database.Timestamps.read(rs, "next_poll_at"), rs.getString("last_outcome"),
					rs.getString("last_error"), rs.getInt("last_posted")))
			.single();
	}

}
