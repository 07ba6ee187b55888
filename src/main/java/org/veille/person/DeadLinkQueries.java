package org.veille.person;

import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import org.veille.thread.ThreadPage;
import org.veille.thread.ThreadQueries;
import org.veille.web.Cursor;

/** A person's messages citing pages that seem gone, newest first. */
@Repository
@Transactional(readOnly = true)
class DeadLinkQueries {

	/**
	 * The person's live threads and live replies in live threads, each walked newest first on its own index
	 * (messages_author_threads_idx, messages_author_replies_idx), keeping those citing a link marked gone, merged.
	 * A walk reads the person's messages until it has a page: a personal page, read rarely.
	 */
	private static final String CITING_GONE = """
			select thread_id, sort_time, starred_by from (
			    (select m.id as thread_id, m.created_at as sort_time, null::text as starred_by from messages m
			     where m.author_id = :author and m.thread_id is null and m.deleted_at is null %1$s
			       and exists (select 1 from message_links ml join links l on l.id = ml.link_id
			                   where ml.message_id = m.id and l.gone_since is not null)
			     order by m.created_at desc, m.id desc limit :limit)
			    union all
			    (select m.id, m.created_at, null::text from messages m
			     where m.author_id = :author and m.thread_id is not null and m.deleted_at is null %1$s
			       and exists (select 1 from messages t where t.id = m.thread_id and t.deleted_at is null)
			       and exists (select 1 from message_links ml join links l on l.id = ml.link_id
			                   where ml.message_id = m.id and l.gone_since is not null)
			     order by m.created_at desc, m.id desc limit :limit)
			) citing
			order by sort_time desc, thread_id desc limit :limit
			""";

	private final JdbcClient jdbc;

	private final ThreadQueries threads;

	DeadLinkQueries(JdbcClient jdbc, ThreadQueries threads) {
		this.jdbc = jdbc;
		this.threads = threads;
	}

	Optional<Long> accountOf(String login) {
		return this.jdbc.sql("select id from accounts where lower(login) = lower(:login)")
			.param("login", login)
			.query(Long.class)
			.optional();
	}

	ThreadPage citingGoneLinks(long authorId, @Nullable Cursor before, int size) {
		String sql = CITING_GONE.formatted(ThreadQueries.keyset(before, "m.created_at", "m.id"));
		return this.threads.selected(sql, Map.of("author", authorId), before, size);
	}

}
