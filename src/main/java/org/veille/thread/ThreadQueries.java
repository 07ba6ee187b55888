package org.veille.thread;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import org.veille.database.Timestamps;
import org.veille.web.Cursor;

/**
 * The keyset queries behind every list of threads. Each page costs the same few queries whatever
 * its length: one for the page itself, then one each for the tags, links and mentioned people of
 * all its threads (see {@link ThreadDecorator}).
 */
@Repository
@Transactional(readOnly = true)
public class ThreadQueries {

	public static final int PAGE_SIZE = 25;

	public static final int FEED_SIZE = 40;

	private static final String PAGE_QUERY = """
			with page as (%s)
			select m.id, m.uuid, m.title, m.body, m.created_at, m.updated_at, a.login, a.display_name,
			       page.sort_time
			from page
			join messages m on m.id = page.thread_id
			join accounts a on a.id = m.author_id
			where m.deleted_at is null
			order by page.sort_time desc, page.thread_id desc
			""";

	private static final String LATEST = """
			select id as thread_id, created_at as sort_time from messages
			where thread_id is null and deleted_at is null %s
			order by created_at desc, id desc limit :limit
			""";

	private static final String BY_AUTHOR = """
			select id as thread_id, created_at as sort_time from messages
			where author_id = :author and thread_id is null and deleted_at is null %s
			order by created_at desc, id desc limit :limit
			""";

	private static final String BY_TAG = """
			select thread_id, published_at as sort_time from thread_tags
			where tag_id = :tag %s
			order by published_at desc, thread_id desc limit :limit
			""";

	private static final String BY_SITE_PATH = """
			select thread_id, published_at as sort_time from site_threads
			where site_path_id = :sitePath %s
			order by published_at desc, thread_id desc limit :limit
			""";

	private static final String BY_ANY_TAG = """
			select thread_id, max(published_at) as sort_time from thread_tags
			where tag_id = any(:tags)
			group by thread_id %s
			order by sort_time desc, thread_id desc limit :limit
			""";

	private final JdbcClient jdbc;

	private final ThreadDecorator decorator;

	ThreadQueries(JdbcClient jdbc, ThreadDecorator decorator) {
		this.jdbc = jdbc;
		this.decorator = decorator;
	}

	/** Every thread of the site, newest first. */
	public ThreadPage latest(@Nullable Cursor before, int size) {
		String sql = LATEST.formatted(keyset(before, "and (created_at, id) < (:beforeTime, :beforeId)"));
		return page(this.jdbc.sql(PAGE_QUERY.formatted(sql)), before, size);
	}

	/** The threads a person started, newest first. */
	public ThreadPage byAuthor(long authorId, @Nullable Cursor before, int size) {
		String sql = BY_AUTHOR.formatted(keyset(before, "and (created_at, id) < (:beforeTime, :beforeId)"));
		return page(this.jdbc.sql(PAGE_QUERY.formatted(sql)).param("author", authorId), before, size);
	}

	/** The threads carrying any of these tags, newest first. */
	public ThreadPage byTags(List<Long> tagIds, @Nullable Cursor before, int size) {
		if (tagIds.isEmpty()) {
			return new ThreadPage(List.of(), null);
		}
		if (tagIds.size() == 1) {
			String sql = BY_TAG.formatted(keyset(before, "and (published_at, thread_id) < (:beforeTime, :beforeId)"));
			return page(this.jdbc.sql(PAGE_QUERY.formatted(sql)).param("tag", tagIds.get(0)), before, size);
		}
		String sql = BY_ANY_TAG
			.formatted(keyset(before, "having (max(published_at), thread_id) < (:beforeTime, :beforeId)"));
		return page(this.jdbc.sql(PAGE_QUERY.formatted(sql)).param("tags", tagIds.toArray(Long[]::new)), before,
				size);
	}

	/** The threads citing a page of a site, or of a path under it, newest first. */
	public ThreadPage bySitePath(long sitePathId, @Nullable Cursor before, int size) {
		String sql = BY_SITE_PATH.formatted(keyset(before, "and (published_at, thread_id) < (:beforeTime, :beforeId)"));
		return page(this.jdbc.sql(PAGE_QUERY.formatted(sql)).param("sitePath", sitePathId), before, size);
	}

	/** One thread's first message, unless it is missing or deleted. */
	public Optional<ThreadSummary> thread(long id) {
		List<ThreadRow> rows = this.jdbc.sql("""
				select m.id, m.uuid, m.title, m.body, m.created_at, m.updated_at, a.login, a.display_name,
				       m.created_at as sort_time
				from messages m join accounts a on a.id = m.author_id
				where m.id = :id and m.thread_id is null and m.deleted_at is null
				""").param("id", id).query(ThreadQueries::row).list();
		return this.decorator.decorate(rows).stream().findFirst();
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

	private static String keyset(@Nullable Cursor before, String condition) {
		return (before != null) ? condition : "";
	}

	private static ThreadRow row(ResultSet rs, int rowNum) throws SQLException {
		return new ThreadRow(rs.getLong("id"), rs.getObject("uuid", UUID.class), rs.getString("title"),
				rs.getString("body"), Timestamps.read(rs, "created_at"), Timestamps.read(rs, "updated_at"),
				rs.getString("login"), rs.getString("display_name"), Timestamps.read(rs, "sort_time"));
	}

	record ThreadRow(long id, UUID uuid, String title, String body, Instant createdAt, Instant updatedAt,
			String login, @Nullable String displayName, Instant sortTime) {
	}

}
