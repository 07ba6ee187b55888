package org.veille.star;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import org.veille.account.PersonChip;

/**
 * Who starred a thread, as its page shows it.
 */
@Repository
@Transactional(readOnly = true)
public class StarQueries {

	/** A thread page names at most this many starrers, the latest first; the count says the rest. */
	public static final int SHOWN_STARRERS = 50;

	private final JdbcClient jdbc;

	StarQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<PersonChip> starrers(long threadId) {
		return this.jdbc.sql("""
				select a.login, a.display_name from stars s join accounts a on a.id = s.account_id
				where s.thread_id = :thread order by s.starred_at desc, s.account_id desc limit :limit
				""")
			.param("thread", threadId)
			.param("limit", SHOWN_STARRERS)
			.query((rs, rowNum) -> new PersonChip(rs.getString(1), rs.getString(2)))
			.list();
	}

	public boolean hasStarred(long readerId, long threadId) {
		return this.jdbc.sql("select exists (select 1 from stars where account_id = :reader and thread_id = :thread)")
			.param("reader", readerId)
			.param("thread", threadId)
			.query(Boolean.class)
			.single();
	}

}
