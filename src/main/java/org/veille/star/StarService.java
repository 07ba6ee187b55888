package org.veille.star;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.veille.account.PersonFeeds;
import org.veille.database.Timestamps;
import org.veille.thread.ThreadSources;
import org.veille.web.NotFoundException;

/**
 * Stars and unstars threads. Starring twice is one star; a person cannot star their own thread.
 */
@Service
class StarService {

	enum Outcome {

		STARRED, ALREADY_STARRED, OWN_THREAD

	}

	private final JdbcClient jdbc;

	private final ThreadSources threadSources;

	private final PersonFeeds personFeeds;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	StarService(JdbcClient jdbc, ThreadSources threadSources, PersonFeeds personFeeds, Clock clock,
			ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.threadSources = threadSources;
		this.personFeeds = personFeeds;
		this.clock = clock;
		this.events = events;
	}

	@Transactional
	Outcome star(long readerId, long threadId) {
		long authorId = this.threadSources.lock(threadId).orElseThrow(() -> NotFoundException.message(threadId));
		if (authorId == readerId) {
			return Outcome.OWN_THREAD;
		}
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		int added = this.jdbc.sql("""
				insert into stars (account_id, thread_id, starred_at) values (:reader, :thread, :now)
				on conflict do nothing
				""").param("reader", readerId).param("thread", threadId).param("now", Timestamps.of(now)).update();
		if (added == 0) {
			return Outcome.ALREADY_STARRED;
		}
		count(threadId, 1);
		this.threadSources.add(threadId, ThreadSources.Kind.STARRER, List.of(readerId));
		this.threadSources.touch(threadId, now);
		this.personFeeds.changed(readerId, now);
		this.events.publishEvent(new ThreadStarred(readerId, threadId, authorId));
		return Outcome.STARRED;
	}

	@Transactional
	void unstar(long readerId, long threadId) {
		this.threadSources.lock(threadId).orElseThrow(() -> NotFoundException.message(threadId));
		int removed = this.jdbc.sql("delete from stars where account_id = :reader and thread_id = :thread")
			.param("reader", readerId)
			.param("thread", threadId)
			.update();
		if (removed > 0) {
			count(threadId, -1);
			this.threadSources.remove(threadId, ThreadSources.Kind.STARRER, readerId);
			this.personFeeds.changed(readerId, this.clock.instant());
		}
	}

	private void count(long threadId, int change) {
		this.jdbc.sql("update messages set star_count = star_count + :change where id = :thread")
			.param("change", change)
			.param("thread", threadId)
			.update();
	}

}
