package org.veille.message;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

import org.veille.markup.MarkupParser;
import org.veille.markup.ParsedMessage;

/**
 * A message as typed. Its text is the source of truth: the title here, and the tags and links in
 * their own tables, are derived from it and recomputed whenever it changes.
 */
@Entity
@Table(name = "messages")
class Message {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@Column(nullable = false, updatable = false)
	private UUID uuid;

	@Column(name = "author_id", nullable = false, updatable = false)
	private long authorId;

	/** The first message of the thread; null when this message starts one. */
	@Column(name = "thread_id", updatable = false)
	private @Nullable Long threadId;

	@Column(nullable = false)
	private String body;

	@Column(nullable = false)
	private String title;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	@Column(name = "deleted_at")
	private @Nullable Instant deletedAt;

	/** Set with deletedAt while the author is suspended ({@link AuthorSuspension}). */
	@Column(name = "suspended_at")
	private @Nullable Instant suspendedAt;

	/** Kept by SQL once the message is stored (replies and stars move it): see thread.ThreadSources. */
	@Column(name = "activity_at", nullable = false, updatable = false)
	private Instant activityAt;

	@SuppressWarnings("NullAway.Init")
	protected Message() {
		// for JPA
	}

	private Message(UUID uuid, long authorId, @Nullable Long threadId, ParsedMessage parsed, Instant now) {
		this.uuid = uuid;
		this.authorId = authorId;
		this.threadId = threadId;
		this.body = parsed.text();
		this.title = parsed.title();
		this.createdAt = now;
		this.updatedAt = now;
		this.activityAt = now;
	}

	static Message startThread(long authorId, ParsedMessage parsed, Instant now) {
		return startThread(UUID.randomUUID(), authorId, parsed, now);
	}

	/** A thread whose id was chosen by the client (the API's idempotent create). */
	static Message startThread(UUID uuid, long authorId, ParsedMessage parsed, Instant now) {
		return new Message(uuid, authorId, null, parsed, now);
	}

	static Message reply(long authorId, long threadId, ParsedMessage parsed, Instant now) {
		return reply(UUID.randomUUID(), authorId, threadId, parsed, now);
	}

	static Message reply(UUID uuid, long authorId, long threadId, ParsedMessage parsed, Instant now) {
		return new Message(uuid, authorId, threadId, parsed, now);
	}

	/** Replaces the text; the caller derives tags, links and mentions from it again. */
	void editText(ParsedMessage parsed, Instant now) {
		this.body = parsed.text();
		this.title = parsed.title();
		this.updatedAt = now;
	}

	/** Deletes softly: the text is kept, every page stops showing it. */
	void delete(Instant now) {
		this.deletedAt = now;
		this.updatedAt = now;
	}

	/** Hidden like a deleted message because its author is suspended; {@link #restore} brings it back. */
	void hideWithAuthor(Instant now) {
		this.deletedAt = now;
		this.suspendedAt = now;
	}

	/** Shown again: its author's suspension is lifted. */
	void restore() {
		this.deletedAt = null;
		this.suspendedAt = null;
	}

	ParsedMessage parsed() {
		return MarkupParser.parse(this.body);
	}

	long id() {
		if (this.id == null) {
			throw new IllegalStateException("Message not saved yet");
		}
		return this.id;
	}

	/** The thread's first message: this one's id when it starts the thread. */
	long threadId() {
		return (this.threadId != null) ? this.threadId : id();
	}

	boolean startsThread() {
		return this.threadId == null;
	}

	long authorId() {
		return this.authorId;
	}

	String body() {
		return this.body;
	}

	boolean isDeleted() {
		return this.deletedAt != null;
	}

	Instant createdAt() {
		return this.createdAt;
	}

}
