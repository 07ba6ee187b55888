package org.veille.federation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import org.veille.web.Cursor;

/**
 * Reads messages shown to other servers: never a deleted or suspended one, nor one of a suspended author or in a
 * deleted thread. A page
 * of notes costs five statements whatever its length (the messages, then their tags, mentions, links and the
 * people elsewhere they mention, as found before).
 */
@Component
class StoredNotes {

	static final int PAGE_SIZE = 20;

	private static final String COLUMNS = """
			select m.id, coalesce(m.thread_id, m.id) as thread, a.login, coalesce(a.language, 'en') as language,
			       m.body, m.created_at, m.updated_at
			from messages m join accounts a on a.id = m.author_id
			where m.deleted_at is null and m.suspended_at is null and a.suspended_at is null
			  and (m.thread_id is null or not exists (
			      select from messages t where t.id = m.thread_id and (t.deleted_at is not null or t.suspended_at is not null)))
			""";

	private final JdbcClient jdbc;

	private final RemoteMentions remoteMentions;

	StoredNotes(JdbcClient jdbc, RemoteMentions remoteMentions) {
		this.jdbc = jdbc;
		this.remoteMentions = remoteMentions;
	}

	@Transactional(readOnly = true)
	Optional<StoredNote> find(long id) {
		return complete(this.jdbc.sql(COLUMNS + " and m.id = :id").param("id", id).query(StoredNotes::row).list())
			.stream()
			.findFirst();
	}

	/** A person's messages, threads and replies, newest first (messages_author_threads_idx covers threads). */
	@Transactional(readOnly = true)
	List<StoredNote> byAuthor(long accountId, @Nullable Cursor before) {
		return complete(this.jdbc.sql(COLUMNS + """
				 and m.author_id = :author and (cast(:time as timestamptz) is null or (m.created_at, m.id) < (:time, :id))
				order by m.created_at desc, m.id desc limit :limit
				""")
			.param("author", accountId)
			.param("time", (before != null) ? Timestamp.from(before.time()) : null)
			.param("id", (before != null) ? before.id() : 0L)
			.param("limit", PAGE_SIZE)
			.query(StoredNotes::row)
			.list());
	}

	/** A tag's threads, newest first (thread_tags_page_idx finds them; a tag's threads are sorted in memory). */
	@Transactional(readOnly = true)
	List<StoredNote> byTag(long tagId, @Nullable Cursor before) {
		return complete(this.jdbc.sql(COLUMNS.replace("from messages m", "from thread_tags t join messages m on m.id = t.thread_id") + """
				 and t.tag_id = :tag and (cast(:time as timestamptz) is null or (m.created_at, m.id) < (:time, :id))
				order by m.created_at desc, m.id desc limit :limit
				""")
			.param("tag", tagId)
			.param("time", (before != null) ? Timestamp.from(before.time()) : null)
			.param("id", (before != null) ? before.id() : 0L)
			.param("limit", PAGE_SIZE)
			.query(StoredNotes::row)
			.list());
	}

	int countByAuthor(long accountId) {
		return this.jdbc.sql("select count(*) from messages where author_id = :author and deleted_at is null"
				+ " and suspended_at is null").param("author", accountId).query(Integer.class).single();
	}

	int countByTag(long tagId) {
		return this.jdbc.sql("select thread_count from tags where id = :tag").param("tag", tagId).query(Integer.class).single();
	}

	private static Row row(ResultSet rs, int row) throws SQLException {
		return new Row(rs.getLong("id"), rs.getLong("thread"), rs.getString("login"), rs.getString("language"),
				rs.getString("body"), rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
	}

	private record Row(long id, long threadId, String login, String language, String body, Instant published,
			Instant updated) {
	}

	private List<StoredNote> complete(List<Row> rows) {
		if (rows.isEmpty()) {
			return List.of();
		}
		List<Long> ids = rows.stream().map(Row::id).toList();
		Map<Long, List<StoredNote.Tag>> tags = grouped(ids, """
				select mt.message_id, t.key, t.display from message_tags mt join tags t on t.id = mt.tag_id
				where mt.message_id in (:ids) order by mt.message_id, mt.position
				""", (rs) -> new StoredNote.Tag(rs.getString(2), rs.getString(3)));
		Map<Long, List<String>> mentions = grouped(ids, """
				select mm.message_id, a.login from message_mentions mm join accounts a on a.id = mm.account_id
				where mm.message_id in (:ids) order by mm.message_id, a.login
				""", (rs) -> rs.getString(2));
		Map<Long, List<String>> links = grouped(ids, """
				select ml.message_id, l.url from message_links ml join links l on l.id = ml.link_id
				where ml.message_id in (:ids) order by ml.message_id, ml.position
				""", (rs) -> rs.getString(2));
		Map<Long, List<String>> handles = new HashMap<>();
		rows.forEach((row) -> handles.put(row.id(), RemoteMentions.in(row.body())));
		Map<String, RemoteMentions.Mentioned> found = this.remoteMentions.found(
				handles.values().stream().flatMap(List::stream).distinct().toList());
		List<StoredNote> notes = new ArrayList<>(rows.size());
		for (Row row : rows) {
			List<RemoteMentions.Mentioned> mentioned = handles.get(row.id()).stream().map(found::get)
				.filter(java.util.Objects::nonNull).toList();
			notes.add(new StoredNote(row.id(), row.threadId(), row.login(), row.language(), row.body(), row.published(),
					row.updated(), tags.getOrDefault(row.id(), List.of()), mentions.getOrDefault(row.id(), List.of()),
					links.getOrDefault(row.id(), List.of()), mentioned));
		}
		return notes;
	}

	private interface Column<T> {

		T read(ResultSet rs) throws SQLException;

	}

	private <T> Map<Long, List<T>> grouped(Collection<Long> ids, String sql, Column<T> column) {
		Map<Long, List<T>> grouped = new HashMap<>();
		this.jdbc.sql(sql).param("ids", ids).query((rs) -> {
			grouped.computeIfAbsent(rs.getLong(1), (id) -> new ArrayList<>()).add(column.read(rs));
		});
		return grouped;
	}

}
