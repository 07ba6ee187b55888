package org.veille.message;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import org.veille.alert.Alerts;
import org.veille.link.MessageLinks;
import org.veille.markup.ParsedMessage;
import org.veille.search.SearchDocuments;
import org.veille.tag.MessageTags;
import org.veille.tag.ThreadTags;
import org.veille.thread.ThreadSources;

/**
 * Stores what a message's text says (tags, URLs, mentions) and carries it to the thread, the home
 * stream and the alerts; forgets it when the text changes or goes away.
 */
@Component
class MessageDerivations {

	private final MessageTags messageTags;

	private final ThreadTags threadTags;

	private final MessageLinks messageLinks;

	private final MessageMentions mentions;

	private final ThreadSources threadSources;

	private final Alerts alerts;

	private final SearchDocuments searchDocuments;

	MessageDerivations(MessageTags messageTags, ThreadTags threadTags, MessageLinks messageLinks,
			MessageMentions mentions, ThreadSources threadSources, Alerts alerts, SearchDocuments searchDocuments) {
		this.messageTags = messageTags;
		this.threadTags = threadTags;
		this.messageLinks = messageLinks;
		this.mentions = mentions;
		this.threadSources = threadSources;
		this.alerts = alerts;
		this.searchDocuments = searchDocuments;
	}

	/** A new message: its derived data joins its thread's, and its thread moves up in every stream. */
	@Transactional(propagation = Propagation.MANDATORY)
	void added(Message message, ParsedMessage parsed, Instant now) {
		added(message, parsed, now, true);
	}

	/** The same; with {@code enrich} false, the message's new links are not queued for fetching. */
	@Transactional(propagation = Propagation.MANDATORY)
	void added(Message message, ParsedMessage parsed, Instant now, boolean enrich) {
		long threadId = message.threadId();
		List<Long> tagIds = this.messageTags.tag(message.id(), parsed.filedTags(), now);
		this.threadTags.add(threadId, tagIds, now);
		this.messageLinks.attach(message.id(), threadId, now, parsed.urls(), enrich);
		List<Long> mentioned = this.mentions.mention(message.id(), parsed.mentions());
		// One statement for every reason, each statement being a round trip inside the post's transaction.
		ThreadSources.Reasons reasons = new ThreadSources.Reasons();
		reasons.add(threadId, message.startsThread() ? ThreadSources.Kind.AUTHOR : ThreadSources.Kind.REPLIER,
				List.of(message.authorId()));
		reasons.add(threadId, ThreadSources.Kind.TAG, tagIds);
		reasons.addSites(threadId, parsed.urls());
		reasons.add(threadId, ThreadSources.Kind.MENTION, mentioned);
		this.threadSources.add(reasons);
		if (!message.startsThread()) {
			// A new thread's activity is its start, which its rows already carry.
			this.threadSources.touch(threadId, now);
		}
		this.alerts.pushNew(message.id(), threadId, message.authorId(), now, mentioned);
		this.searchDocuments.refresh(threadId);
	}

	/** A thread started by a new message, for {@link #threadsAdded}. */
	record NewThread(long id, long authorId, ParsedMessage parsed, Instant at) {
	}

	/**
	 * Many new threads at once (an import's batch): what {@link #added(Message, ParsedMessage, Instant, boolean)}
	 * stores for each, in a few statements per table whatever their number. A new thread's activity is its
	 * start, so nothing moves up in the streams.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	void threadsAdded(List<NewThread> threads, boolean enrich) {
		if (threads.isEmpty()) {
			return;
		}
		List<Long> ids = threads.stream().map(NewThread::id).toList();
		List<List<Long>> tagIds = this.messageTags.tagAll(threads.stream()
			.map((thread) -> new MessageTags.Tagged(thread.id(), thread.parsed().filedTags(), thread.at()))
			.toList());
		List<ThreadTags.Brought> brought = new ArrayList<>();
		for (int i = 0; i < threads.size(); i++) {
			brought.add(new ThreadTags.Brought(ids.get(i), tagIds.get(i), threads.get(i).at()));
		}
		this.threadTags.addAll(brought);
		this.messageLinks.attachAll(threads.stream()
			.map((thread) -> new MessageLinks.Citing(thread.id(), thread.id(), thread.at(), thread.parsed().urls()))
			.toList(), enrich);
		Map<Long, List<Long>> mentioned = this.mentions.mentionAll(ids,
				threads.stream().map((thread) -> thread.parsed().mentions()).toList());
		ThreadSources.Reasons reasons = new ThreadSources.Reasons();
		for (int i = 0; i < threads.size(); i++) {
			NewThread thread = threads.get(i);
			reasons.add(thread.id(), ThreadSources.Kind.AUTHOR, List.of(thread.authorId()));
			reasons.add(thread.id(), ThreadSources.Kind.TAG, tagIds.get(i));
			reasons.addSites(thread.id(), thread.parsed().urls());
			reasons.add(thread.id(), ThreadSources.Kind.MENTION, mentioned.getOrDefault(thread.id(), List.of()));
		}
		this.threadSources.add(reasons);
		this.alerts.pushMentions(ids);
		this.searchDocuments.refreshAll(ids);
	}

	/** An edited message: what its old text said is forgotten, what its new text says is stored. */
	@Transactional(propagation = Propagation.MANDATORY)
	void changed(Message message, ParsedMessage previous, ParsedMessage parsed, Instant now) {
		forget(message, previous);
		this.messageTags.tag(message.id(), parsed.filedTags(), now);
		this.messageLinks.attach(message.id(), message.threadId(), message.createdAt(), parsed.urls());
		List<Long> mentioned = this.mentions.mention(message.id(), parsed.mentions());
		rederiveThread(message.threadId(), now);
		this.alerts.push(message.id(), message.threadId(), message.authorId(), message.createdAt(), mentioned);
	}

	/** A deleted message (a deleted first message takes its whole thread away). */
	@Transactional(propagation = Propagation.MANDATORY)
	void removed(Message message, ParsedMessage previous, Instant now) {
		forget(message, previous);
		if (message.startsThread()) {
			this.alerts.withdrawThread(message.id());
		}
		else {
			this.alerts.withdraw(message.id());
		}
		rederiveThread(message.threadId(), now);
	}

	private void forget(Message message, ParsedMessage previous) {
		this.messageTags.untag(message.id(), previous.filedTags());
		this.messageLinks.detach(message.id(), message.threadId());
		this.mentions.unmention(message.id());
	}

	private void rederiveThread(long threadId, Instant now) {
		this.threadTags.recompute(threadId, now);
		this.threadSources.rebuild(threadId);
		this.searchDocuments.refresh(threadId);
	}

}
