package org.veille.api;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import org.veille.database.Timestamps;

/**
 * What the API reads: one live message, a person's messages a page at a time, the messages citing a URL.
 */
@Component
class ApiQueries {

	static final int PAGE_SIZE = 25;

	/** The most a client may skip: Seenthis's API pages by offset, which PostgreSQL pays for. */
	static final int MAX_OFFSET = 10_000;

	/** A message as the API shows it: its raw text, its author, its thread. */
	record ApiMessage(long id, UUID uuid, @Nullable Long threadId, @Nullable UUID threadUuid, String authorLogin,
			@Nullable String authorName, String title, String body, Instant createdAt, Instant updatedAt) {

		String authorShownName() {
			return (this.authorName != null && !this.authorName.isBlank()) ? this.authorName : this.authorLogin;
		}

	}

	private static final String COLUMNS = """
			select m.id, m.uuid, m.thread_id, t.uuid as thread_uuid, a.login, a.display_name, m.title, m.body,
			       m.created_at, m.updated_at
			from messages m
			join accounts a on a.id = m.author_id
			left join messages t on t.id = m.thread_id
			""";

	private final JdbcClient jdbc;

	ApiQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A live message of a live thread. */
	@Transactional(readOnly = true)
	Optional<ApiMessage> message(long id) {
		return this.jdbc.sql(COLUMNS + " where m.id = :id and m.deleted_at is null and t.deleted_at is null")
			.param("id", id)
			.query(ApiQueries::row)
			.optional();
	}

	/** Whether a person of this login exists. */
	@Transactional(readOnly = true)
	Optional<Long> personId(String login) {
		return this.jdbc.sql("select id from accounts where lower(login) = lower(:login)")
			.param("login", login)
			.query(Long.class)
			.optional();
	}

	/**
	 * A person's live messages (threads and replies), newest first, skipping {@code offset}; one more
	 * than a page, to know whether another follows.
	 */
	@Transactional(readOnly = true)
	List<ApiMessage> messagesOf(long authorId, int offset) {
		return this.jdbc.sql(COLUMNS + """
				 where m.author_id = :author and m.deleted_at is null and (t.id is null or t.deleted_at is null)
				order by m.created_at desc, m.id desc
				offset :offset limit :limit
				""")
			.param("author", authorId)
			.param("offset", offset)
			.param("limit", PAGE_SIZE + 1)
			.query(ApiQueries::row)
			.list();
	}

	/** The live messages citing the URL of this MD5 (as first spelled, or normalized), oldest first. */
	@Transactional(readOnly = true)
	List<Long> messagesCiting(String md5) {
		return this.jdbc.sql("""
				select distinct m.id from links l
				join message_links ml on ml.link_id = l.id
				join messages m on m.id = ml.message_id and m.deleted_at is null
				left join messages t on t.id = m.thread_id
				where md5(l.url) = :md5 and (t.id is null or t.deleted_at is null)
				order by m.id
				""").param("md5", md5).query(Long.class).list();
	}

	private static ApiMessage row(ResultSet rs, int row) throws SQLException {
		long threadId = rs.getLong("thread_id");
		Long thread = rs.wasNull() ? null : threadId;
		return new ApiMessage(rs.getLong("id"), rs.getObject("uuid", UUID.class), thread,
				rs.getObject("thread_uuid", UUID.class), rs.getString("login"), rs.getString("display_name"),
				rs.getString("title"), rs.getString("body"), Timestamps.read(rs, "created_at"),
				Timestamps.read(rs, "updated_at"));
	}

}
