package org.veille.message;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Until the end of the transaction, this person's other posts wait: a second submit of the same form then
 * finds the first message instead of adding a copy, and a suspension sees every message posted before it.
 * Taken before any thread's lock, so that two writes never wait for each other in opposite orders.
 */
@Component
class PostingLock {

	private final JdbcClient jdbc;

	PostingLock(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	void lockPostsOf(long authorId) {
		this.jdbc.sql("select pg_advisory_xact_lock(hashtext('veille.posting'), hashtext(cast(:author as text)))")
			.param("author", authorId)
			.query((rs) -> {
			});
	}

}
