package org.veille.message;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.veille.account.PersonFeeds;
import org.veille.account.PostingPermission;
import org.veille.account.PostingRate;
import org.veille.database.Timestamps;
import org.veille.follow.Relations;
import org.veille.markup.ParsedMessage;
import org.veille.thread.ThreadSources;
import org.veille.web.ForbiddenException;
import org.veille.web.NotFoundException;

/**
 * The write path of DESIGN §1 for new messages, threads and replies: parse once, then store the
 * text and everything derived from it in one transaction. The same text posted again by the same
 * person under the same parent within {@link #SAME_TEXT_WINDOW} updates the first message instead
 * (a double submit included: a person's posts are serialized by an advisory lock).
 */
@Service
class MessageService {

	static final Duration SAME_TEXT_WINDOW = Duration.ofDays(7);

	/** What {@code btrim(body, E' \t\n')} removes: two texts that differ only so are the same. */
	private static final Pattern EDGE_WHITESPACE = Pattern.compile("^[ \\t\\n]+|[ \\t\\n]+$");

	private final MessageRepository messages;

	private final MessageDerivations derivations;

	private final MessageEditService editService;

	private final ThreadSources threadSources;

	private final Relations relations;

	private final PersonFeeds personFeeds;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final MessageMeters meters;

	private final PostingPermission permission;

	private final PostingLock postingLock;

	private final PostingRate postingRate;

	MessageService(MessageRepository messages, MessageDerivations derivations, MessageEditService editService,
			ThreadSources threadSources, Relations relations, PersonFeeds personFeeds, JdbcClient jdbc, Clock clock,
			ApplicationEventPublisher events, MessageMeters meters, PostingPermission permission,
			PostingLock postingLock, PostingRate postingRate) {
		this.postingLock = postingLock;
		this.postingRate = postingRate;
		this.events = events;
		this.meters = meters;
		this.permission = permission;
		this.messages = messages;
		this.derivations = derivations;
		this.editService = editService;
		this.threadSources = threadSources;
		this.relations = relations;
		this.personFeeds = personFeeds;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Starts a thread with this text; throws {@link MessageRejectedException} over a limit. */
	@Transactional
	Posted startThread(long authorId, String text) {
		return start(authorId, text, UUID.randomUUID(), false, true);
	}

	/**
	 * Starts a thread with an entry of the person's blog feed: like any thread, except that the spam limits
	 * ({@link PostingRate}) neither refuse nor count it; the feed import bounds its own pace.
	 */
	@Transactional
	Posted startImportedThread(long authorId, String text) {
		return start(authorId, text, UUID.randomUUID(), false, false);
	}

	/**
	 * The same with the message's UUID chosen by the client: the message already stored under it,
	 * if it is the same person's, is the answer (an idempotent create).
	 * @throws UuidTakenException when someone else's message has this UUID
	 */
	@Transactional
	Posted startThread(long authorId, String text, UUID uuid) {
		return start(authorId, text, uuid, true, true);
	}

	/** A UUID the server just drew is nobody's yet: only one the client chose is looked up. */
	private Posted start(long authorId, String text, UUID uuid, boolean clientChosen, boolean rateLimited) {
		refuseUnconfirmed(authorId);
		ParsedMessage parsed = MessageLimits.parse(text);
		Instant now = now();
		this.postingLock.lockPostsOf(authorId);
		Optional<Posted> existing = clientChosen ? storedUnder(uuid, authorId) : Optional.empty();
		if (existing.isPresent()) {
			return existing.get();
		}
		if (rateLimited) {
			refuseTooFast(authorId, false);
		}
		Optional<Posted> same = rewriteSameText(authorId, null, parsed, now);
		if (same.isPresent()) {
			return same.get();
		}
		Message message = this.messages.save(Message.startThread(uuid, authorId, parsed, now));
		this.derivations.added(message, parsed, now);
		this.personFeeds.changed(authorId, now);
		this.events.publishEvent(new EntryPublished(message.id()));
		this.meters.threadStarted();
		return new Posted(message.id(), message.id());
	}

	/**
	 * Replies in the thread of {@code targetId} (a thread, or one of its replies: threads are flat).
	 * @throws NotFoundException when there is no such live message
	 * @throws ForbiddenException when the thread's author blocks the replier
	 * @throws MessageRejectedException over a limit
	 */
	@Transactional
	Posted reply(long authorId, long targetId, String text) {
		return reply(authorId, targetId, text, UUID.randomUUID(), false);
	}

	/** The same with the reply's UUID chosen by the client (see {@link #startThread(long, String, UUID)}). */
	@Transactional
	Posted reply(long authorId, long targetId, String text, UUID uuid) {
		return reply(authorId, targetId, text, uuid, true);
	}

	private Posted reply(long authorId, long targetId, String text, UUID uuid, boolean clientChosen) {
		refuseUnconfirmed(authorId);
		long threadId = this.messages.findThreadOfLive(targetId).orElseThrow(() -> NotFoundException.message(targetId));
		this.postingLock.lockPostsOf(authorId);
		long threadAuthorId = this.threadSources.lock(threadId).orElseThrow(() -> NotFoundException.message(targetId));
		if (this.relations.blocks(threadAuthorId, authorId)) {
			throw new ForbiddenException("reply.blocked");
		}
		ParsedMessage parsed = MessageLimits.parse(text);
		Instant now = now();
		Optional<Posted> existing = clientChosen ? storedUnder(uuid, authorId) : Optional.empty();
		if (existing.isPresent()) {
			return existing.get();
		}
		refuseTooFast(authorId, true);
		Optional<Posted> same = rewriteSameText(authorId, threadId, parsed, now);
		if (same.isPresent()) {
			return same.get();
		}
		Message reply = this.messages.save(Message.reply(uuid, authorId, threadId, parsed, now));
		this.jdbc.sql("update messages set reply_count = reply_count + 1 where id = :thread")
			.param("thread", threadId)
			.update();
		this.derivations.added(reply, parsed, now);
		this.events.publishEvent(new EntryPublished(reply.id()));
		this.meters.replied();
		return new Posted(reply.id(), threadId);
	}

	/** With {@code veille.signup.verify-email}, only people who confirmed their address post. */
	private void refuseUnconfirmed(long authorId) {
		if (!this.permission.mayPost(authorId)) {
			throw new MessageRejectedException("post.unconfirmed");
		}
	}

	/** The message stored under this UUID, when it is this person's; someone else's is a conflict. */
	private Optional<Posted> storedUnder(UUID uuid, long authorId) {
		return this.jdbc.sql("select id, coalesce(thread_id, id) as thread_id, author_id from messages where uuid = :uuid")
			.param("uuid", uuid)
			.query((rs, row) -> {
				if (rs.getLong("author_id") != authorId) {
					throw new UuidTakenException(uuid);
				}
				return new Posted(rs.getLong("id"), rs.getLong("thread_id"));
			})
			.optional();
	}

	/** Over a spam limit, the post is refused; its counts roll back with it (see {@link PostingRate}). */
	private void refuseTooFast(long authorId, boolean reply) {
		this.postingRate.count(authorId, reply).ifPresent((exceeded) -> {
			throw new PostingThrottledException(exceeded.messageKey(), exceeded.limit(), exceeded.retryAfter());
		});
	}

	/** Updates the person's message of the same text under the same parent, if there is one, instead of posting. */
	private Optional<Posted> rewriteSameText(long authorId, @Nullable Long threadId, ParsedMessage parsed,
			Instant now) {
		return sameText(authorId, threadId, parsed, now).map((same) -> {
			this.threadSources.lock(same.threadId());
			return this.editService.rewrite(same, parsed, now);
		});
	}

	/** The person's live message with this text under this parent (null: a new thread) in the last 7 days. */
	private Optional<Message> sameText(long authorId, @Nullable Long threadId, ParsedMessage parsed, Instant now) {
		String parent = (threadId != null) ? "thread_id = :thread" : "thread_id is null";
		// Materialized, so that PostgreSQL finds the text by its hash (messages_same_text_idx) rather than walking the
		// person's week of messages in order and comparing each, as it chose to when they posted thousands.
		JdbcClient.StatementSpec query = this.jdbc.sql("""
				with same as materialized (
				    select id, thread_id, created_at, body from messages
				    where author_id = :author and md5(btrim(body, E' \\t\\n')) = md5(:text) and deleted_at is null)
				select id from same
				where %s and created_at > :since and btrim(body, E' \\t\\n') = :text
				order by created_at, id limit 1
				""".formatted(parent))
			.param("author", authorId)
			.param("since", Timestamps.of(now.minus(SAME_TEXT_WINDOW)))
			.param("text", EDGE_WHITESPACE.matcher(parsed.text()).replaceAll(""));
		if (threadId != null) {
			query = query.param("thread", threadId);
		}
		return query.query(Long.class).optional().flatMap(this.messages::findById);
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

}
