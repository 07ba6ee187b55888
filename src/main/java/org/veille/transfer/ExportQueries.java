package org.veille.transfer;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.veille.database.Timestamps;
import org.veille.transfer.format.ExportedMessage;
import org.veille.transfer.format.ExportedMessage.Kind;

/**
 * Reads a person's messages, replies and shares for an export, a batch at a time by keyset, so that
 * an export of any size holds one batch in memory.
 */
@Component
class ExportQueries {

	static final int BATCH = 500;

	private final JdbcClient jdbc;

	ExportQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The person's live messages and replies (in live threads) with an id above {@code afterId}, by id. */
	List<ExportedMessage> written(long accountId, long afterId) {
		return this.jdbc.sql("""
				select m.id, m.thread_id, a.login, coalesce(nullif(a.display_name, ''), a.login) as name,
				       m.created_at as published_at, m.body
				from messages m
				join accounts a on a.id = m.author_id
				left join messages t on t.id = m.thread_id
				where m.author_id = :account and m.id > :after and m.deleted_at is null
				  and (t.id is null or t.deleted_at is null)
				order by m.id
				limit :batch
				""")
			.param("account", accountId)
			.param("after", afterId)
			.param("batch", BATCH)
			.query(ExportQueries::written)
			.list();
	}

	/** The live threads of others the person starred, oldest star first, after the given star. */
	List<ExportedMessage> shared(long accountId, @Nullable Instant afterStar, long afterThread) {
		String after = (afterStar == null) ? "" : " and (s.starred_at, s.thread_id) > (:afterStar, :afterThread)";
		JdbcClient.StatementSpec query = this.jdbc.sql("""
				select m.id, a.login, coalesce(nullif(a.display_name, ''), a.login) as name, s.starred_at, m.body
				from stars s
				join messages m on m.id = s.thread_id and m.deleted_at is null
				join accounts a on a.id = m.author_id
				where s.account_id = :account and m.author_id <> :account%s
				order by s.starred_at, s.thread_id
				limit :batch
				""".formatted(after))
			.param("account", accountId)
			.param("batch", BATCH);
		if (afterStar != null) {
			query = query.param("afterStar", Timestamps.of(afterStar)).param("afterThread", afterThread);
		}
		return query.query((rs, row) -> new ExportedMessage(rs.getLong("id"), Kind.SHARE, null, rs.getString("login"),
				rs.getString("name"), Timestamps.read(rs, "starred_at"), rs.getString("body"))).list();
	}

	private static ExportedMessage written(ResultSet rs, int row) throws SQLException {
		long thread = rs.getLong("thread_id");
		boolean reply = !rs.wasNull();
		return new ExportedMessage(rs.getLong("id"), reply ? Kind.REPLY : Kind.MESSAGE, reply ? thread : null,
				rs.getString("login"), rs.getString("name"), Timestamps.read(rs, "published_at"), rs.getString("body"));
	}

}
