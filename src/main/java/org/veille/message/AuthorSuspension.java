package org.veille.message;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import org.veille.account.PersonFeeds;
import org.veille.thread.ThreadSources;

/**
 * Hides a suspended person's threads and replies everywhere at once, and brings them back when the
 * suspension is lifted. One mechanism for every page, feed, search and API answer: each message is
 * deleted softly, as its author would delete it (its tags, links, mentions, alerts and home-stream rows
 * go, and every list already leaves deleted messages out), with a second stamp, {@code suspended_at},
 * so that lifting the suspension restores these messages and not those the author deleted.
 * <p>
 * The person's posting lock is taken first, so that a post in flight is either hidden too or refused
 * after; threads are then locked in ascending order, one after the other, as every other write does.
 */
@Service
public class AuthorSuspension {

	private final MessageRepository messages;

	private final MessageDerivations derivations;

	private final ThreadSources threadSources;

	private final PersonFeeds personFeeds;

	private final PostingLock postingLock;

	private final JdbcClient jdbc;

	AuthorSuspension(MessageRepository messages, MessageDerivations derivations, ThreadSources threadSources,
			PersonFeeds personFeeds, PostingLock postingLock, JdbcClient jdbc) {
		this.messages = messages;
		this.derivations = derivations;
		this.threadSources = threadSources;
		this.personFeeds = personFeeds;
		this.postingLock = postingLock;
		this.jdbc = jdbc;
	}

	/** Hides every live message of this person; returns how many. */
	@Transactional(propagation = Propagation.MANDATORY)
	public int hide(long authorId, Instant now) {
		this.postingLock.lockPostsOf(authorId);
		// Thread by thread in ascending order; in a thread, the person's replies before its first message.
		List<Long> live = this.jdbc.sql("""
				select id from messages where author_id = :author and deleted_at is null
				order by coalesce(thread_id, id), thread_id is null, id
				""").param("author", authorId).query(Long.class).list();
		int hidden = 0;
		for (long id : live) {
			// The thread is locked before the message is read, so that no edit or deletion slips between.
			boolean threadLive = this.messages.findThreadOfLive(id)
				.flatMap(this.threadSources::lock)
				.isPresent();
			Message message = this.messages.findById(id).orElseThrow();
			if (!threadLive || message.isDeleted()) {
				continue; // deleted meanwhile, or a reply in a deleted thread: shown nowhere already
			}
			message.hideWithAuthor(now);
			this.messages.saveAndFlush(message);
			if (message.startsThread()) {
				this.personFeeds.changed(authorId, now);
			}
			else {
				this.jdbc.sql("update messages set reply_count = reply_count - 1 where id = :thread")
					.param("thread", message.threadId())
					.update();
			}
			this.derivations.removed(message, message.parsed(), now);
			hidden++;
		}
		return hidden;
	}

	/** Shows again every message hidden by this person's suspension; returns how many. */
	@Transactional(propagation = Propagation.MANDATORY)
	public int restore(long authorId, Instant now) {
		this.postingLock.lockPostsOf(authorId);
		// Thread by thread in ascending order; in a thread, its first message before the replies.
		List<Long> hidden = this.jdbc.sql("""
				select id from messages where author_id = :author and suspended_at is not null
				order by coalesce(thread_id, id), thread_id is not null, id
				""").param("author", authorId).query(Long.class).list();
		for (long id : hidden) {
			this.jdbc.sql("""
					select 1 from messages where id = (select coalesce(thread_id, id) from messages where id = :id)
					for update
					""")
				.param("id", id)
				.query((rs) -> {
				});
			Message message = this.messages.findById(id).orElseThrow();
			message.restore();
			this.messages.saveAndFlush(message);
			if (message.startsThread()) {
				this.personFeeds.changed(authorId, now);
			}
			else {
				this.jdbc.sql("update messages set reply_count = reply_count + 1 where id = :thread")
					.param("thread", message.threadId())
					.update();
			}
			this.derivations.restored(message, now);
		}
		return hidden.size();
	}

	/**
	 * Deletes for good the messages of a person whose account is being deleted, once {@link #hide} took them
	 * out of every derived table: their stars go from the counters and home streams of others' threads, then
	 * the replies in their threads (shown nowhere since the threads went), their replies, their threads.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void purge(long authorId) {
		this.jdbc.sql("""
				update messages m set star_count = m.star_count - 1 from stars s
				where s.account_id = :author and m.id = s.thread_id
				""").param("author", authorId).update();
		this.jdbc.sql("delete from thread_sources where kind = 'starrer' and key = :key")
			.param("key", Long.toString(authorId))
			.update();
		this.jdbc.sql("""
				delete from messages where thread_id in (select id from messages where author_id = :author and thread_id is null)
				""").param("author", authorId).update();
		this.jdbc.sql("delete from messages where author_id = :author and thread_id is not null")
			.param("author", authorId)
			.update();
		this.jdbc.sql("delete from messages where author_id = :author").param("author", authorId).update();
	}

}
