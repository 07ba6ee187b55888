package org.veille.blogfeed;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import org.veille.database.Timestamps;
import org.veille.text.XmlChars;

/**
 * The feeds of people's blogs and the entries seen in them, in PostgreSQL. A feed is its own polling job, claimed
 * with {@code FOR UPDATE SKIP LOCKED} and reserved until {@code claimed_until}.
 */
@Repository
class BlogFeeds {

	/** Feeds a person may add. */
	static final int MAX_PER_PERSON = 5;

	private static final HexFormat HEX = HexFormat.of();

	/** An entry already seen: the message it became (null when left out) and the text Veille wrote for it. */
	record Seen(@Nullable Long messageId, @Nullable String postedText) {
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	BlogFeeds(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Adds a feed, due for its first poll at once.
	 * @throws FeedRefusedException with {@code blogfeeds.error.too-many} or {@code blogfeeds.error.duplicate}
	 */
	@Transactional
	long add(long accountId, String url) {
		// Two additions by one person wait for each other, so that the count holds until the insert.
		this.jdbc.sql("select pg_advisory_xact_lock(hashtext('veille.blogfeeds'), hashtext(cast(:account as text)))")
			.param("account", accountId)
			.query((rs) -> {
			});
		int count = this.jdbc.sql("select count(*) from blog_feeds where account_id = :account")
			.param("account", accountId)
			.query(Integer.class)
			.single();
		if (count >= MAX_PER_PERSON) {
			throw new FeedRefusedException("blogfeeds.error.too-many", MAX_PER_PERSON);
		}
		Instant now = now();
		try {
			return this.jdbc.sql("""
					insert into blog_feeds (account_id, url, created_at, next_poll_at) values (:account, :url, :now, :now)
					returning id
					""")
				.param("account", accountId)
				.param("url", url)
				.param("now", Timestamps.of(now))
				.query(Long.class)
				.single();
		}
		catch (DuplicateKeyException ex) {
			throw new FeedRefusedException("blogfeeds.error.duplicate");
		}
	}

	@Transactional(readOnly = true)
	List<BlogFeedView> list(long accountId) {
		return this.jdbc.sql("""
				select id, url, title, paused, last_polled_at, last_outcome, last_error, last_error_detail, last_posted,
				       last_posted_at, next_poll_at
				from blog_feeds where account_id = :account order by created_at, id
				""")
			.param("account", accountId)
			.query((rs, row) -> new BlogFeedView(rs.getLong("id"), rs.getString("url"), rs.getString("title"),
					rs.getBoolean("paused"), Timestamps.readNullable(rs, "last_polled_at"), rs.getString("last_outcome"),
					rs.getString("last_error"), rs.getString("last_error_detail"), rs.getInt("last_posted"),
					Timestamps.readNullable(rs, "last_posted_at"), Timestamps.read(rs, "next_poll_at")))
			.list();
	}

	/**
	 * Pauses or resumes a feed of this person; false when they have no such feed. A feed resumed is due once the
	 * poll interval has passed since its last poll (pausing and resuming never polls sooner).
	 */
	@Transactional
	boolean setPaused(long accountId, long feedId, boolean paused, Duration pollEvery) {
		return this.jdbc.sql("""
				update blog_feeds set paused = :paused,
				    next_poll_at = case when :paused then next_poll_at
				        else greatest(next_poll_at, coalesce(last_polled_at + make_interval(secs => :every), :now)) end
				where id = :id and account_id = :account
				""")
			.param("paused", paused)
			.param("every", pollEvery.toSeconds())
			.param("now", Timestamps.of(now()))
			.param("id", feedId)
			.param("account", accountId)
			.update() > 0;
	}

	/** Removes a feed of this person (its messages stay); false when they have no such feed. */
	@Transactional
	boolean remove(long accountId, long feedId) {
		return this.jdbc.sql("delete from blog_feeds where id = :id and account_id = :account")
			.param("id", feedId)
			.param("account", accountId)
			.update() > 0;
	}

	/**
	 * Reserves the feed due longest ago, if any, for {@code lease}: a feed not paused, of a person not suspended.
	 * When the worker's instance dies, the feed is due again once the reservation ends.
	 */
	@Transactional
	Optional<ClaimedFeed> claim(Duration lease) {
		Instant now = now();
		return this.jdbc.sql("""
				update blog_feeds f set claimed_until = :until
				from (select f.id from blog_feeds f join accounts a on a.id = f.account_id
				      where not f.paused and coalesce(f.claimed_until, f.next_poll_at) <= :now and a.suspended_at is null
				      order by coalesce(f.claimed_until, f.next_poll_at), f.id
				      limit 1 for update of f skip locked) due
				where f.id = due.id
				returning f.id, f.account_id, f.url, f.etag, f.last_modified, f.failures,
				          not exists (select from blog_feed_entries e where e.feed_id = f.id) as first_poll
				""")
			.param("now", Timestamps.of(now))
			.param("until", Timestamps.of(now.plus(lease)))
			.query((rs, row) -> new ClaimedFeed(rs.getLong("id"), rs.getLong("account_id"), rs.getString("url"),
					rs.getString("etag"), rs.getString("last_modified"), rs.getInt("failures"),
					rs.getBoolean("first_poll")))
			.optional();
	}

	/** The entries of this feed among these keys that were seen before, by key in hexadecimal. */
	@Transactional(readOnly = true)
	Map<String, Seen> seen(long feedId, List<byte[]> keys) {
		Map<String, Seen> seen = new HashMap<>();
		if (keys.isEmpty()) {
			return seen;
		}
		this.jdbc.sql("""
				select encode(entry_key, 'hex') as k, message_id, posted_text from blog_feed_entries
				where feed_id = :feed and entry_key in (select decode(k, 'hex') from unnest(cast(:keys as text[])) k)
				""")
			.param("feed", feedId)
			.param("keys", keys.stream().map(HEX::formatHex).toArray(String[]::new))
			.query((rs) -> {
				long message = rs.getLong("message_id");
				seen.put(rs.getString("k"), new Seen(rs.wasNull() ? null : message, rs.getString("posted_text")));
			});
		return seen;
	}

	/** Marks an entry seen, in the caller's transaction; false when it was seen already (by another poll). */
	boolean markSeen(long feedId, byte[] key) {
		return this.jdbc.sql("""
				insert into blog_feed_entries (feed_id, entry_key, seen_at) values (:feed, :key, :now)
				on conflict do nothing
				""")
			.param("feed", feedId)
			.param("key", key)
			.param("now", Timestamps.of(now()))
			.update() > 0;
	}

	/** Marks entries seen without posting them (left out), in one statement. */
	@Transactional
	void markLeftOut(long feedId, List<byte[]> keys) {
		if (keys.isEmpty()) {
			return;
		}
		this.jdbc.sql("""
				insert into blog_feed_entries (feed_id, entry_key, seen_at)
				select :feed, decode(k, 'hex'), :now from unnest(cast(:keys as text[])) k
				on conflict do nothing
				""")
			.param("feed", feedId)
			.param("keys", keys.stream().map(HEX::formatHex).toArray(String[]::new))
			.param("now", Timestamps.of(now()))
			.update();
	}

	/** The message an entry became and the text written for it (null: its updates are no longer followed). */
	void posted(long feedId, byte[] key, @Nullable Long messageId, @Nullable String text) {
		this.jdbc.sql("""
				update blog_feed_entries set message_id = :message, posted_text = :text
				where feed_id = :feed and entry_key = :key
				""")
			.param("message", messageId)
			.param("text", text)
			.param("feed", feedId)
			.param("key", key)
			.update();
	}

	/** A poll that worked: the validators to send next time, what it posted, and when the next poll is due. */
	@Transactional
	void polled(long feedId, PollResult result, Instant now, Instant nextPoll) {
		this.jdbc.sql("""
				update blog_feeds set claimed_until = null, failures = 0, last_polled_at = :now, next_poll_at = :next,
				    last_outcome = :outcome, last_error = :error, last_error_detail = :detail,
				    etag = coalesce(:etag, etag), last_modified = coalesce(:modified, last_modified),
				    title = coalesce(:title, title),
				    last_posted = case when :posted > 0 then :posted else last_posted end,
				    last_posted_at = case when :posted > 0 then :now else last_posted_at end
				where id = :id
				""")
			.param("now", Timestamps.of(now))
			.param("next", Timestamps.of(nextPoll))
			.param("outcome", result.notModified() ? "not-modified" : "ok")
			.param("error", result.warning())
			.param("detail", result.warningDetail())
			.param("etag", result.etag())
			.param("modified", result.lastModified())
			.param("title", result.title())
			.param("posted", result.posted())
			.param("id", feedId)
			.update();
	}

	/**
	 * The feed moved for good: its new address is kept, unless it is too long to be typed or the person already
	 * has a feed there (then the old address stays, and keeps being redirected).
	 */
	@Transactional
	void moved(long feedId, String url) {
		if (url.length() > FeedAddresses.MAX_LENGTH) {
			return;
		}
		this.jdbc.sql("""
				update blog_feeds f set url = :url
				where f.id = :id and f.url <> :url
				  and not exists (select from blog_feeds o where o.account_id = f.account_id and o.url = :url)
				""")
			.param("url", url)
			.param("id", feedId)
			.update();
	}

	/** A poll that failed: why, and when the next one is due (later with each failure in a row). */
	@Transactional
	void failed(long feedId, String errorKey, String detail, Instant now, Instant nextPoll) {
		this.jdbc.sql("""
				update blog_feeds set claimed_until = null, failures = failures + 1, last_polled_at = :now,
				    next_poll_at = :next, last_outcome = 'failed', last_error = :error, last_error_detail = :detail
				where id = :id
				""")
			.param("now", Timestamps.of(now))
			.param("next", Timestamps.of(nextPoll))
			.param("error", errorKey)
			.param("detail", XmlChars.strip(detail.length() > 500 ? detail.substring(0, 500) + "…" : detail))
			.param("id", feedId)
			.update();
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

}
