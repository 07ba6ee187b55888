package org.veille.search;

import java.util.Collection;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import org.veille.link.PageFetched;

/**
 * Keeps {@code thread_search} current: the write path calls it after anything that changes what a
 * thread's document holds. The document itself is built by the SQL function {@code refresh_thread_search}
 * (migration V5), which the data generator calls too.
 */
@Component
public class SearchDocuments {

	/** A page fetched late updates the documents of at most this many of the threads citing it. */
	static final int MAX_THREADS_PER_LINK = 1000;

	private final JdbcClient jdbc;

	SearchDocuments(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The thread's first message or a reply was posted, edited or deleted. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void refresh(long threadId) {
		this.jdbc.sql("select refresh_thread_search(array[cast(:thread as bigint)])")
			.param("thread", threadId)
			.query((rs) -> {
			});
	}

	/** Many threads were written at once (an import's batch): one call of the function for all. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void refreshAll(Collection<Long> threadIds) {
		if (threadIds.isEmpty()) {
			return;
		}
		this.jdbc.sql("select refresh_thread_search(cast(:threads as bigint[]))")
			.param("threads", threadIds.toArray(Long[]::new))
			.query((rs) -> {
			});
	}

	/**
	 * A cited page's title or description arrived: the threads citing it (the latest ones) know it, in the
	 * transaction that stored them.
	 */
	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	public void pageFetched(PageFetched event) {
		refreshCiting(event.linkId());
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void refreshCiting(long linkId) {
		this.jdbc.sql("""
				select refresh_thread_search(array(
				    select distinct coalesce(m.thread_id, m.id) from message_links ml
				    join messages m on m.id = ml.message_id
				    where ml.link_id = :link and m.deleted_at is null
				    limit :limit))
				""").param("link", linkId).param("limit", MAX_THREADS_PER_LINK).query((rs) -> {
		});
	}

}
