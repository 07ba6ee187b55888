package org.veille.alert;

import java.time.Instant;
import java.util.Collection;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import org.veille.database.Timestamps;

/**
 * Pushes alerts when a message is written, inside its transaction: to the people it mentions, and,
 * for a reply, to everyone who took part in the thread before. Blocks are applied when alerts are
 * read, so unblocking someone brings their alerts back.
 */
@Component
public class Alerts {

	private final JdbcClient jdbc;

	Alerts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Alerts for an edited message, derived again from its new text.
	 * @param threadId the thread's first message; the message itself when it starts the thread
	 * @param mentioned the accounts the message mentions
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void push(long messageId, long threadId, long authorId, Instant createdAt, Collection<Long> mentioned) {
		withdraw(messageId);
		pushNew(messageId, threadId, authorId, createdAt, mentioned);
	}

	/** The same for a message just written, which nobody was alerted of yet. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void pushNew(long messageId, long threadId, long authorId, Instant createdAt, Collection<Long> mentioned) {
		if (!mentioned.isEmpty()) {
			this.jdbc.sql("""
					insert into alerts (account_id, message_id, author_id, reason, created_at)
					select account_id, :message, :author, 'mention', :at
					from unnest(cast(:mentioned as bigint[])) account_id where account_id <> :author
					on conflict do nothing
					""")
				.param("message", messageId)
				.param("author", authorId)
				.param("at", Timestamps.of(createdAt))
				.param("mentioned", mentioned.toArray(Long[]::new))
				.update();
		}
		if (messageId != threadId) {
			this.jdbc.sql("""
					insert into alerts (account_id, message_id, author_id, reason, created_at)
					select account_id, :message, :author, 'reply', :at from (
					    select author_id as account_id from messages where id = :thread
					    union
					    select author_id from messages where thread_id = :thread and deleted_at is null
					) participants
					where account_id <> :author
					on conflict do nothing
					""")
				.param("message", messageId)
				.param("thread", threadId)
				.param("author", authorId)
				.param("at", Timestamps.of(createdAt))
				.update();
		}
	}

	/**
	 * Alerts for new messages that start threads (an import's batch), in one statement: to the people
	 * each one mentions, as {@link #push} does for one.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void pushMentions(Collection<Long> messageIds) {
		if (messageIds.isEmpty()) {
			return;
		}
		this.jdbc.sql("""
				insert into alerts (account_id, message_id, author_id, reason, created_at)
				select mm.account_id, m.id, m.author_id, 'mention', m.created_at
				from messages m join message_mentions mm on mm.message_id = m.id
				where m.id = any(cast(:messages as bigint[])) and mm.account_id <> m.author_id
				on conflict do nothing
				""").param("messages", messageIds.toArray(Long[]::new)).update();
	}

	/** The message was deleted: nobody is alerted of it any more. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void withdraw(long messageId) {
		this.jdbc.sql("delete from alerts where message_id = :message").param("message", messageId).update();
	}

	/** The thread was deleted: nobody is alerted of any of its messages any more. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void withdrawThread(long threadId) {
		this.jdbc.sql("""
				delete from alerts where message_id in (select id from messages where id = :thread or thread_id = :thread)
				""").param("thread", threadId).update();
	}

}
