package org.veille.federation;

import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import org.veille.database.Timestamps;
import org.veille.markup.Hashtag;
import org.veille.markup.MarkupParser;
import org.veille.message.EntryEdited;
import org.veille.message.EntryPublished;
import org.veille.message.EntryRemoved;

/**
 * Learns of messages written from the message package's events: in the writing transaction, one row in
 * {@code federation_events} when someone elsewhere follows the author (or, for a new message, one of its tags).
 * Nothing is built or sent here; the workers are woken once the transaction commits.
 */
@Component
class FederationEvents {

	private static final Logger logger = LoggerFactory.getLogger(FederationEvents.class);

	/**
	 * A text that may mention someone elsewhere ({@code @user@host}): the planner decides, as this also takes
	 * {@code @login@} followed by anything; a message without such text is not queued for it.
	 */
	private static final String MAY_MENTION_ELSEWHERE = "m.body ~ '@[A-Za-z0-9._-]+@[^[:space:]@.-]'";

	/** The author's followers, or a tag of the message's (federation_followers_account_key, _tag_key). */
	private static final String FOLLOWED = """
			exists (select from federation_followers f where f.account_id = m.author_id)
			or exists (select from federation_followers f join message_tags mt on mt.tag_id = f.tag_id
			           where mt.message_id = m.id)
			or %s
			""".formatted(MAY_MENTION_ELSEWHERE);

	private final JdbcClient jdbc;

	private final Sites sites;

	private final Clock clock;

	private final FederationWorkers workers;

	FederationEvents(JdbcClient jdbc, Sites sites, Clock clock, FederationWorkers workers) {
		this.jdbc = jdbc;
		this.sites = sites;
		this.clock = clock;
		this.workers = workers;
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
	public void published(EntryPublished event) {
		queue("create", event.messageId(), FOLLOWED);
	}

	/** The author's followers, or for a thread's first message a tag's followers too: they were told of it. */
	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
	public void edited(EntryEdited event) {
		queue("update", event.messageId(), """
				exists (select from federation_followers f where f.account_id = m.author_id)
				or (m.thread_id is null and exists (select from federation_followers f
				    join message_tags mt on mt.tag_id = f.tag_id where mt.message_id = m.id))
				or %s
				""".formatted(MAY_MENTION_ELSEWHERE));
	}

	/**
	 * The author's followers, or for a thread a follower of one of the tags its text carried: the thread's tags
	 * are already gone, so their ids are kept with the event for the planner.
	 */
	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
	public void removed(EntryRemoved event) {
		queue("delete", event.messageId(), """
				exists (select from federation_followers f where f.account_id = m.author_id)
				or exists (select from federation_followers f where f.tag_id = any(cast(:tags as bigint[])))
				or exists (select from remote_mentions rm where rm.actor_uri is not null) and %s
				""".formatted(MAY_MENTION_ELSEWHERE), deletedThreadTags(event.messageId()));
	}

	/** The ids of the tags a deleted thread's text files it under (tags_key_key); none for a reply. */
	private Long[] deletedThreadTags(long messageId) {
		String body = this.jdbc.sql("select body from messages where id = :id and thread_id is null")
			.param("id", messageId)
			.query(String.class)
			.optional()
			.orElse(null);
		if (body == null) {
			return new Long[0];
		}
		List<String> keys = MarkupParser.parse(body).filedTags().stream().map(Hashtag::key).toList();
		if (keys.isEmpty()) {
			return new Long[0];
		}
		return this.jdbc.sql("select id from tags where key in (:keys)").param("keys", keys).query(Long.class).list()
			.toArray(Long[]::new);
	}

	private void queue(String kind, long messageId, String condition) {
		queue(kind, messageId, condition, new Long[0]);
	}

	private void queue(String kind, long messageId, String condition, Long[] tagIds) {
		String base = this.sites.baseIfKnown();
		if (base == null) {
			logger.debug("Message {} written outside a request and without veille.public-url: not federated", messageId);
			return;
		}
		int queued = this.jdbc.sql("""
				insert into federation_events (kind, message_id, author_id, base, created_at, tag_ids)
				select :kind, m.id, m.author_id, :base, :now, cast(:tags as bigint[]) from messages m
				where m.id = :id and (%s)
				""".formatted(condition))
			.param("kind", kind)
			.param("tags", tagIds)
			.param("id", messageId)
			.param("base", base)
			.param("now", Timestamps.of(this.clock.instant()))
			.update();
		if (queued > 0) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					FederationEvents.this.workers.wake();
				}
			});
		}
	}

}
