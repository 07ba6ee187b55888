package org.veille.thread;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import org.veille.database.PageReads;
import org.veille.database.Timestamps;
import org.veille.pagecache.PageKeys;
import org.veille.web.Cursor;

/**
 * The keyset queries behind every list of threads. Each page costs the same few queries whatever
 * its length: one for the page itself, then one each for the tags, links and mentioned people of
 * all its threads (see {@link ThreadDecorator}).
 */
@Repository
@PageReads
public class ThreadQueries {

	public static final int PAGE_SIZE = 25;

	public static final int FEED_SIZE = 40;

	/** Wraps a query of (thread_id, sort_time, starred_by) rows with what a card shows. */
	private static final String PAGE_QUERY = """
			with page as (%s)
			select m.id, coalesce(m.thread_id, m.id) as parent_id, m.uuid, m.title, m.body, m.created_at,
			       m.updated_at, m.reply_count, m.star_count, a.login, a.display_name, a.created_at as author_since, page.sort_time, page.starred_by
			from page
			join messages m on m.id = page.thread_id
			join accounts a on a.id = m.author_id
			where m.deleted_at is null
			order by page.sort_time desc, page.thread_id desc
			""";

	private static final String LATEST = """
			select id as thread_id, created_at as sort_time, null::text as starred_by from messages
			where thread_id is null and deleted_at is null %s
			order by created_at desc, id desc limit :limit
			""";

	private static final String BY_AUTHOR = """
			select id as thread_id, created_at as sort_time, null::text as starred_by from messages
			where author_id = :author and thread_id is null and deleted_at is null %s
			order by created_at desc, id desc limit :limit
			""";

	/** A person's threads and stars, each walked on its own index, then merged. */
	private static final String BY_AUTHOR_WITH_STARS = """
			select thread_id, sort_time, starred_by from (
			    (select id as thread_id, created_at as sort_time, null::text as starred_by from messages
			     where author_id = :author and thread_id is null and deleted_at is null %1$s
			     order by created_at desc, id desc limit :limit)
			    union all
			    (select s.thread_id, s.starred_at as sort_time, cast(:login as text) as starred_by
			     from stars s join messages m on m.id = s.thread_id
			     where s.account_id = :author and m.deleted_at is null %2$s
			     order by s.starred_at desc, s.thread_id desc limit :limit)
			) entries
			order by sort_time desc, thread_id desc limit :limit
			""";

	private static final String BY_TAG = """
			select thread_id, published_at as sort_time, null::text as starred_by from thread_tags
			where tag_id = :tag %s
			order by published_at desc, thread_id desc limit :limit
			""";

	private static final String BY_SITE_PATH = """
			select thread_id, published_at as sort_time, null::text as starred_by from site_threads
			where site_path_id = :sitePath %s
			order by published_at desc, thread_id desc limit :limit
			""";

	/**
	 * The threads of the tags of a range (a tree or a prefix), newest first: a thread found by several tags is
	 * listed once, at its newest entry. {@code %1$s} selects the range's tags as {@code every (id, changed_at)},
	 * {@code %2$s} the walk of one tag ({@code source.id}), selecting {@code (thread_id, sort_time)} newest
	 * first, {@code limit :limit}, {@code %3$s} the site's newest entries of those tags ({@link #TAG_RECENT}) and
	 * {@code %4$s} the tags that may reach the page ({@link #TAG_CANDIDATES}).
	 * <p>
	 * First the site's newest entries, as for a home stream ({@link #HOME_RECENT}): a popular tree holds its page
	 * within a few hundred of them (196 for the popular tree of 415 tags at a million messages). When they do not
	 * hold more threads than the page, the tags are merged: walking every tag a whole page reads (tags × page)
	 * index entries, so the newest entry of each tag that may reach the page is read first (one index probe
	 * each; {@link #TAG_CANDIDATES}); the page's floor is the page-th newest of those, and only the tags whose
	 * newest entry reaches the floor are walked, down to it. That is exact whenever it fills a page (an entry
	 * below the floor cannot beat a page of entries above it); when it does not (few tags, or the same threads
	 * found by many), the last branch walks every tag a whole page. All are one statement: PostgreSQL runs a
	 * branch only when its one-time filter holds.
	 */
	private static final String TAG_MERGE = """
			with every as materialized (%1$s),
			recent as materialized (%3$s),
			found as materialized (select thread_id, max(sort_time) as sort_time from recent group by thread_id),
			floored as materialized (
			    with source as materialized (%4$s),
			    newest as materialized (
			        select source.*, (select w.sort_time from (%2$s) w limit 1) as top from source),
			    floor as (
			        select coalesce(min(top), '-infinity') as at from (
			            select top from newest where top is not null order by top desc limit :limit) highest)
			    select e.thread_id, max(e.sort_time) as sort_time
			    from newest source cross join floor cross join lateral (%2$s) e
			    where source.top >= floor.at and e.sort_time >= floor.at
			    group by e.thread_id
			    order by sort_time desc, e.thread_id desc limit :limit)
			(select thread_id, sort_time, null::text as starred_by from found
			 where (select count(*) from found) > :limit
			 order by sort_time desc, thread_id desc limit :limit)
			union all
			select thread_id, sort_time, null::text from floored
			where (select count(*) from found) <= :limit and (select count(*) from floored) >= :limit
			union all
			select thread_id, sort_time, null::text from (
			    select e.thread_id, max(e.sort_time) as sort_time
			    from every source cross join lateral (%2$s) e
			    group by e.thread_id
			    order by sort_time desc, e.thread_id desc limit :limit) whole
			where (select count(*) from found) <= :limit and (select count(*) from floored) < :limit
			""";

	/**
	 * The tags of a {@link TagRange}, the most used first: the key and the range apart, each an index-only scan
	 * of {@code tags_key_prefix_idx} (it covers id, thread_count and changed_at; "key = :key or range" read every
	 * matching row from the table, 415 pages for the popular tree at a million messages). Materialized, so that
	 * a generic plan cannot walk every tag in use order instead (10 ms at a million messages).
	 */
	private static final String TAG_RANGE = """
			with matching as materialized (
			    select id, thread_count, changed_at from tags where key = :key
			    union all
			    select id, thread_count, changed_at from tags
			    where key ~>=~ :prefix and key ~<~ :prefixEnd and key <> :key)
			select id, changed_at from matching order by thread_count desc, id limit :tags
			""";

	/**
	 * The site's newest entries of the tags of a range ({@code every}), each thread once, {@code :limit + 1}
	 * threads at most, given up after eight entries per tag: {@link #HOME_RECENT}'s walk on
	 * {@code thread_tags_recent_idx}. Not walked for a range of no more tags than a page: merging them costs a
	 * few probes, and eight entries per tag are too few for a popular tag (a quarter of the threads of a small
	 * site: about a hundred entries to find a page).
	 */
	private static final String TAG_RECENT = """
			select distinct on (r.published_at, r.thread_id) r.thread_id, r.published_at as sort_time
			from (select tt.thread_id, tt.published_at, tt.tag_id from thread_tags tt
			      where true %s
			      order by tt.published_at desc, tt.thread_id desc
			      limit (select case when count(*) > :limit then 8 * count(*) else 0 end from every)) r
			where (r.tag_id in (select id from every)) is true
			order by r.published_at desc, r.thread_id desc
			limit :limit + 1
			""";

	/**
	 * The tags of a range that may reach the page, for {@link #TAG_MERGE}'s second branch: a tag's newest thread
	 * is no newer than its {@code changed_at}, so only the tags changed since a lower bound of the floor can reach
	 * it. The bound is the page-th newest entry among the tags changed last (one probe each): the floor over every
	 * tag is at least that. At a million messages the popular tag's tree has 415 tags; probing each for its
	 * newest entry was 1,246 index pages a page, most of the page's statement (docs/BENCHMARKS.md).
	 */
	private static final String TAG_CANDIDATES = """
			with lead as materialized (
			    select (select w.sort_time from (%s) w limit 1) as top
			    from (select id from every order by changed_at desc limit :limit) source),
			bound as (select case when count(top) >= :limit then min(top) else '-infinity' end as at from lead)
			select every.id from every cross join bound where every.changed_at >= bound.at
			""";

	private static final String TAG_WALK = """
			select tt.thread_id, tt.published_at as sort_time from thread_tags tt
			where tt.tag_id = source.id %s
			order by tt.published_at desc, tt.thread_id desc limit :limit
			""";

	/** The reasons a reader has for seeing a thread in their home stream (DESIGN §5, docs/architecture.md). */
	private static final String HOME_SOURCES = """
			select kind, cast(:me as text) as key
			from unnest(array['author', 'starrer', 'mention', 'replier']) kind
			union all
			select kind, f.followee_id::text from person_follows f
			cross join unnest(array['author', 'starrer']) kind
			where f.follower_id = :me
			union all
			select 'tag', f.tag_id::text from tag_follows f where f.account_id = :me
			union all
			select 'site', f.site from site_follows f where f.account_id = :me
			""";

	/**
	 * One reason's walk. The people the reader blocks are read once per statement (an init plan), not probed
	 * for each entry walked: that probe of {@code blocks} was half the statement's buffers for a reader who
	 * blocks nobody.
	 */
	private static final String HOME_WALK = """
			select ts.thread_id, ts.activity_at as sort_time from thread_sources ts
			where ts.kind = source.kind and ts.key = source.key
			  and ts.author_id <> all(array(select b.blocked_id from blocks b where b.blocker_id = :me))
			  %s
			order by ts.activity_at desc, ts.thread_id desc limit :limit
			""";

	/**
	 * The newest entries of the whole site, kept when they carry one of the reader's reasons: each thread once
	 * (its entries share its activity, so they come together), {@code :limit + 1} threads at most. The walk is
	 * lazy, so a reader who follows much reads only as far as their page (499 entries at a million messages for
	 * the benchmark's reader of 454 reasons, where probing each reason's newest entry was 2.9 ms); it stops at
	 * eight entries per reason, which costs about a third of those probes, for a reader whose reasons are quiet.
	 * The membership test stays a hashed filter ({@code is true}): as a join it would lose the walk's order and
	 * read the whole window.
	 */
	private static final String HOME_RECENT = """
			select distinct on (r.activity_at, r.thread_id) r.thread_id, r.activity_at as sort_time
			from (select ts.thread_id, ts.activity_at, ts.kind, ts.key, ts.author_id from thread_sources ts
			      where true %s
			      order by ts.activity_at desc, ts.thread_id desc
			      limit (select 8 * count(*) from source)) r
			where ((r.kind, r.key) in (select kind, key from source)) is true
			  and r.author_id <> all(array(select b.blocked_id from blocks b where b.blocker_id = :me))
			order by r.activity_at desc, r.thread_id desc
			limit :limit + 1
			""";

	/**
	 * A page of a home stream. First the site's newest entries ({@link #HOME_RECENT}): when they hold more
	 * threads than the page, its threads are the newest of them (any other thread of the reader's is older than
	 * the last entry read). Otherwise {@link #TAG_MERGE}'s second branch with a floor counted in threads: the newest
	 * entry of each reason (one index probe each, with its thread), then the page-th newest of those threads as
	 * the floor, then the walk down to it of the reasons that reach it. A thread is the newest entry of several
	 * reasons at once (its author's, a tag's, the stars of people I follow), and every row of a thread carries
	 * the same activity: counted once, a page of distinct threads at or above the floor exists whenever the floor
	 * is not {@code -infinity}, so the walk always fills the page and no second walk of every reason is needed.
	 * With fewer threads than a page among the newest entries, the floor is {@code -infinity} and the walk takes
	 * every reason a whole page. PostgreSQL runs the second branch only when its one-time filter holds.
	 */
	private static final String HOME_MERGE = """
			with source as materialized (%1$s),
			recent as materialized (%3$s),
			found as materialized (select thread_id, max(sort_time) as sort_time from recent group by thread_id),
			newest as materialized (
			    select source.*, top.thread_id as top_thread, top.sort_time as top
			    from source left join lateral (select w.thread_id, w.sort_time from (%2$s) w limit 1) top on true),
			floor as (
			    select case when count(*) >= :limit then min(top) else '-infinity' end as at from (
			        select max(top) as top from newest where top is not null
			        group by top_thread order by top desc limit :limit) highest)
			(select thread_id, sort_time, null::text as starred_by from found
			 where (select count(*) from found) > :limit
			 order by sort_time desc, thread_id desc limit :limit)
			union all
			(select e.thread_id, max(e.sort_time) as sort_time, null::text as starred_by
			 from newest source cross join floor cross join lateral (%2$s) e
			 where (select count(*) from found) <= :limit and source.top >= floor.at and e.sort_time >= floor.at
			 group by e.thread_id
			 order by sort_time desc, e.thread_id desc limit :limit)
			""";

	private static final String MESSAGE_COLUMNS = """
			select m.id, coalesce(m.thread_id, m.id) as parent_id, m.uuid, m.title, m.body, m.created_at,
			       m.updated_at, m.reply_count, m.star_count, a.login, a.display_name, a.created_at as author_since, m.created_at as sort_time,
			       null::text as starred_by
			from messages m join accounts a on a.id = m.author_id
			""";

	private final JdbcClient jdbc;

	private final ThreadDecorator decorator;

	ThreadQueries(JdbcClient jdbc, ThreadDecorator decorator) {
		this.jdbc = jdbc;
		this.decorator = decorator;
	}

	/** Every thread of the site, newest first. */
	public ThreadPage latest(@Nullable Cursor before, int size) {
		String sql = LATEST.formatted(keyset(before, "created_at", "id"));
		return page(this.jdbc.sql(PAGE_QUERY.formatted(sql)), before, size);
	}

	/** The threads a person started, newest first. */
	public ThreadPage byAuthor(long authorId, @Nullable Cursor before, int size) {
		String sql = BY_AUTHOR.formatted(keyset(before, "created_at", "id"));
		return page(this.jdbc.sql(PAGE_QUERY.formatted(sql)).param("author", authorId), before, size);
	}

	/** The threads a person started or starred, newest first by the time they did so. */
	public ThreadPage byAuthorWithStars(long authorId, String login, @Nullable Cursor before, int size) {
		String sql = BY_AUTHOR_WITH_STARS.formatted(keyset(before, "created_at", "id"),
				keyset(before, "s.starred_at", "s.thread_id"));
		return page(this.jdbc.sql(PAGE_QUERY.formatted(sql)).param("author", authorId).param("login", login), before,
				size);
	}

	/** The threads of one tag, newest first. */
	public ThreadPage byTag(long tagId, @Nullable Cursor before, int size) {
		String sql = BY_TAG.formatted(keyset(before, "published_at", "thread_id"));
		return page(this.jdbc.sql(PAGE_QUERY.formatted(sql)).param("tag", tagId), before, size);
	}

	/** The threads of the tags of a range (a tree or a prefix), newest first, each listed once. */
	public ThreadPage byTags(TagRange tags, @Nullable Cursor before, int size) {
		return page(this.jdbc.sql(tagRangeStatement(before))
			.param("key", tags.key())
			.param("prefix", tags.prefix())
			.param("prefixEnd", tags.prefixEnd())
			.param("tags", tags.limit()), before, size);
	}

	/**
	 * The statement of a page of a {@link TagRange}: parameters {@code key}, {@code prefix}, {@code prefixEnd},
	 * {@code tags}, {@code limit} and the cursor's.
	 */
	static String tagRangeStatement(@Nullable Cursor before) {
		String keyset = keyset(before, "tt.published_at", "tt.thread_id");
		String walk = TAG_WALK.formatted(keyset);
		return PAGE_QUERY.formatted(
				TAG_MERGE.formatted(TAG_RANGE, walk, TAG_RECENT.formatted(keyset), TAG_CANDIDATES.formatted(walk)));
	}

	/** The threads citing a page of a site, or of a path under it, newest first. */
	public ThreadPage bySitePath(long sitePathId, @Nullable Cursor before, int size) {
		String sql = BY_SITE_PATH.formatted(keyset(before, "published_at", "thread_id"));
		return page(this.jdbc.sql(PAGE_QUERY.formatted(sql)).param("sitePath", sitePathId), before, size);
	}

	/**
	 * A person's home stream, newest activity first (DESIGN §5, docs/architecture.md). A kept page listens on the
	 * reader's reasons: only a thread entering or moving in the stream through one of them drops it.
	 */
	public ThreadPage home(long readerId, @Nullable Cursor before, int size) {
		PageKeys keptPage = PageKeys.current();
		if (keptPage != null) {
			keptPage.homeOf(readerId);
			this.jdbc.sql(HOME_SOURCES)
				.param("me", readerId)
				.query((rs) -> {
					keptPage.homeReason(rs.getString("kind"), rs.getString("key"));
				});
		}
		return page(this.jdbc.sql(homeStatement(before)).param("me", readerId), before, size);
	}

	/** The statement of a page of a home stream: parameters {@code me}, {@code limit} and the cursor's. */
	static String homeStatement(@Nullable Cursor before) {
		String keyset = keyset(before, "ts.activity_at", "ts.thread_id");
		return PAGE_QUERY.formatted(
				HOME_MERGE.formatted(HOME_SOURCES, HOME_WALK.formatted(keyset), HOME_RECENT.formatted(keyset)));
	}

	/**
	 * A page of threads chosen by another package's query (search): {@code sql} selects
	 * {@code (thread_id, sort_time, starred_by)} rows newest first, takes {@code :limit}, and applies
	 * {@link #keyset} when a cursor is given.
	 */
	public ThreadPage selected(String sql, Map<String, ?> params, @Nullable Cursor before, int size) {
		return page(this.jdbc.sql(PAGE_QUERY.formatted(sql)).params(params), before, size);
	}

	/** One thread's first message, unless it is missing or deleted. */
	public Optional<ThreadSummary> thread(long id) {
		List<ThreadRow> rows = this.jdbc
			.sql(MESSAGE_COLUMNS + "where m.id = :id and m.thread_id is null and m.deleted_at is null")
			.param("id", id)
			.query(ThreadQueries::row)
			.list();
		return this.decorator.decorate(rows).stream().findFirst();
	}

	/** The thread of a live reply in a live thread; empty for anything else. */
	public Optional<Long> threadOfReply(long replyId) {
		return this.jdbc.sql("""
				select r.thread_id from messages r join messages t on t.id = r.thread_id
				where r.id = :id and r.deleted_at is null and t.deleted_at is null
				""").param("id", replyId).query(Long.class).optional();
	}

	/** A live thread's first message followed by all its live replies, oldest first. */
	public List<ThreadSummary> conversation(long threadId) {
		List<ThreadRow> rows = this.jdbc.sql(MESSAGE_COLUMNS + """
				where (m.id = :thread and m.thread_id is null or m.thread_id = :thread) and m.deleted_at is null
				  and exists (select 1 from messages t where t.id = :thread and t.deleted_at is null)
				order by m.thread_id nulls first, m.created_at, m.id
				""").param("thread", threadId).query(ThreadQueries::row).list();
		return this.decorator.decorate(rows);
	}

	/** The latest replies of a live thread, newest first, for its feed. */
	public List<ThreadSummary> latestReplies(long threadId, int size) {
		List<ThreadRow> rows = this.jdbc.sql(MESSAGE_COLUMNS + """
				where m.thread_id = :thread and m.deleted_at is null
				order by m.created_at desc, m.id desc limit :limit
				""").param("thread", threadId).param("limit", size).query(ThreadQueries::row).list();
		return this.decorator.decorate(rows);
	}

	/** When a thread was last started, edited or deleted anywhere: the {@code /all} feed's last change. */
	public Instant lastThreadChange() {
		return this.jdbc.sql("select max(updated_at) from messages where thread_id is null")
			.query((rs, rowNum) -> (rs.getObject(1) != null) ? Timestamps.read(rs, "max") : Instant.EPOCH)
			.single();
	}

	/** When a live thread or one of its replies last changed (posted, edited, deleted): its feed's last change. */
	public Optional<Instant> lastChangeOfThread(long threadId) {
		return this.jdbc.sql("""
				select max(m.updated_at) from messages t join messages m on m.id = t.id or m.thread_id = t.id
				where t.id = :thread and t.thread_id is null and t.deleted_at is null
				""")
			.param("thread", threadId)
			.query((rs, rowNum) -> (rs.getObject(1) != null) ? Timestamps.read(rs, "max") : null)
			.optional();
	}

	private ThreadPage page(JdbcClient.StatementSpec statement, @Nullable Cursor before, int size) {
		if (before != null) {
			statement = statement.param("beforeTime", Timestamps.of(before.time()))
				.param("beforeId", before.id());
		}
		List<ThreadRow> rows = new ArrayList<>(
				statement.param("limit", size + 1).query(ThreadQueries::row).list());
		Cursor next = null;
		if (rows.size() > size) {
			rows.remove(size);
			ThreadRow last = rows.get(size - 1);
			next = new Cursor(last.sortTime(), last.id());
		}
		return new ThreadPage(this.decorator.decorate(rows), next);
	}

	/** The keyset condition "after the cursor, newest first" on these columns, or nothing on a first page. */
	public static String keyset(@Nullable Cursor before, String timeColumn, String idColumn) {
		return (before != null) ? "and (" + timeColumn + ", " + idColumn + ") < (:beforeTime, :beforeId)" : "";
	}

	static ThreadRow row(ResultSet rs, int rowNum) throws SQLException {
		return new ThreadRow(rs.getLong("id"), rs.getLong("parent_id"), rs.getObject("uuid", UUID.class),
				rs.getString("title"), rs.getString("body"), Timestamps.read(rs, "created_at"),
				Timestamps.read(rs, "updated_at"), rs.getString("login"), rs.getString("display_name"),
				rs.getInt("reply_count"), rs.getInt("star_count"), rs.getString("starred_by"),
				Timestamps.read(rs, "sort_time"), Timestamps.read(rs, "author_since"));
	}

	record ThreadRow(long id, long threadId, UUID uuid, String title, String body, Instant createdAt,
			Instant updatedAt, String login, @Nullable String displayName, int replyCount, int starCount,
			@Nullable String starredBy, Instant sortTime, Instant authorSince) {

		boolean isReply() {
			return this.id != this.threadId;
		}

	}

}
