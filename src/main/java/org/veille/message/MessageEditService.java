package org.veille.message;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import org.veille.account.PersonFeeds;
import org.veille.markup.MarkupParser;
import org.veille.markup.ParsedMessage;
import org.veille.thread.ThreadSources;
import org.veille.web.ForbiddenException;
import org.veille.web.NotFoundException;

/**
 * Edits and deletes messages (DESIGN §8): only the author edits a message; the author or the
 * thread's starter deletes a reply; only the author deletes a thread, softly, which hides it and
 * its replies everywhere. Everything derived from the text follows.
 */
@Service
class MessageEditService {

	/** What a deletion leaves to show: the thread, unless the thread itself went. */
	record Deleted(long threadId, boolean wholeThread) {
	}

	private final MessageRepository messages;

	private final MessageDerivations derivations;

	private final ThreadSources threadSources;

	private final PersonFeeds personFeeds;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	MessageEditService(MessageRepository messages, MessageDerivations derivations, ThreadSources threadSources,
			PersonFeeds personFeeds, JdbcClient jdbc, Clock clock, ApplicationEventPublisher events) {
		this.messages = messages;
		this.derivations = derivations;
		this.threadSources = threadSources;
		this.personFeeds = personFeeds;
		this.jdbc = jdbc;
		this.clock = clock;
		this.events = events;
	}

	/** The text of a live message, for its author to edit. */
	@Transactional(readOnly = true)
	String textToEdit(long editorId, long messageId) {
		Message message = liveMessage(messageId);
		checkAuthor(message, editorId);
		return message.body();
	}

	@Transactional
	Posted edit(long editorId, long messageId, String text) {
		Message message = lockedLiveMessage(messageId).message();
		checkAuthor(message, editorId);
		ParsedMessage parsed = MessageLimits.parse(text);
		return rewrite(message, parsed, this.clock.instant().truncatedTo(ChronoUnit.MICROS));
	}

	/**
	 * Edits a message only while its text is still {@code expected} (a feed entry updated after its message was
	 * posted: an edit by the author wins). False when the text changed or the message is gone.
	 */
	@Transactional
	boolean editIfStill(long editorId, long messageId, String expected, String text) {
		Message message;
		try {
			message = lockedLiveMessage(messageId).message();
		}
		catch (NotFoundException ex) {
			return false;
		}
		if (message.authorId() != editorId || !message.body().equals(expected)) {
			return false;
		}
		rewrite(message, MessageLimits.parse(text), this.clock.instant().truncatedTo(ChronoUnit.MICROS));
		return true;
	}

	@Transactional
	Deleted delete(long actorId, long messageId) {
		Locked locked = lockedLiveMessage(messageId);
		Message message = locked.message();
		long threadAuthorId = locked.threadAuthorId();
		boolean allowed = message.authorId() == actorId || (!message.startsThread() && threadAuthorId == actorId);
		if (!allowed) {
			throw new ForbiddenException(message.startsThread() ? "delete.forbidden.thread" : "delete.forbidden.reply");
		}
		remove(message, this.clock.instant().truncatedTo(ChronoUnit.MICROS));
		return new Deleted(message.threadId(), message.startsThread());
	}

	/**
	 * An administrator hides a message from the reports queue: deleted as its author would delete it.
	 * False when it was gone already.
	 */
	@Transactional
	boolean deleteAsModerator(long messageId) {
		Locked locked;
		try {
			locked = lockedLiveMessage(messageId);
		}
		catch (NotFoundException ex) {
			return false;
		}
		remove(locked.message(), this.clock.instant().truncatedTo(ChronoUnit.MICROS));
		return true;
	}

	private void remove(Message message, Instant now) {
		ParsedMessage previous = MarkupParser.parse(message.body());
		message.delete(now);
		this.messages.saveAndFlush(message);
		if (message.startsThread()) {
			this.personFeeds.changed(message.authorId(), now);
		}
		else {
			this.jdbc.sql("update messages set reply_count = reply_count - 1 where id = :thread")
				.param("thread", message.threadId())
				.update();
		}
		this.derivations.removed(message, previous, now);
		this.events.publishEvent(new EntryRemoved(message.id(), message.authorId()));
	}

	/**
	 * Replaces a message's text and derives everything from it again; the same text changes nothing.
	 * Called with the thread locked.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	Posted rewrite(Message message, ParsedMessage parsed, Instant now) {
		Posted posted = new Posted(message.id(), message.threadId());
		if (message.body().equals(parsed.text())) {
			return posted;
		}
		ParsedMessage previous = MarkupParser.parse(message.body());
		message.editText(parsed, now);
		this.messages.saveAndFlush(message);
		if (message.startsThread()) {
			this.personFeeds.changed(message.authorId(), now);
		}
		this.derivations.changed(message, previous, parsed, now);
		this.events.publishEvent(new EntryEdited(message.id()));
		return posted;
	}

	/** A live message of a live thread, read once its thread is locked, with the thread's author. */
	private Locked lockedLiveMessage(long messageId) {
		long threadId = this.messages.findThreadOfLive(messageId).orElseThrow(() -> NotFoundException.message(messageId));
		long threadAuthorId = this.threadSources.lock(threadId).orElseThrow(() -> NotFoundException.message(messageId));
		Message message = this.messages.findById(messageId)
			.filter((found) -> !found.isDeleted())
			.orElseThrow(() -> NotFoundException.message(messageId));
		return new Locked(message, threadAuthorId);
	}

	private record Locked(Message message, long threadAuthorId) {
	}

	/** A message that is not deleted, in a thread that is not deleted. */
	private Message liveMessage(long messageId) {
		Message message = this.messages.findById(messageId)
			.filter((found) -> !found.isDeleted())
			.orElseThrow(() -> NotFoundException.message(messageId));
		if (!message.startsThread() && this.messages.findById(message.threadId()).filter(Message::isDeleted).isPresent()) {
			throw NotFoundException.message(messageId);
		}
		return message;
	}

	private static void checkAuthor(Message message, long editorId) {
		if (message.authorId() != editorId) {
			throw new ForbiddenException("edit.forbidden");
		}
	}

}
