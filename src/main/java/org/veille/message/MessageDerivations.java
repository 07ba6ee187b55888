package org.veille.message;

import java.time.Instant;
import java.util.List;

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
		List<Long> tagIds = this.messageTags.tag(message.id(), parsed.tags(), now);
		this.threadTags.add(threadId, tagIds, now);
		this.messageLinks.attach(message.id(), threadId, now, parsed.urls(), enrich);
		List<Long> mentioned = this.mentions.mention(message.id(), parsed.mentions());
		this.threadSources.add(threadId,
				message.startsThread() ? ThreadSources.Kind.AUTHOR : ThreadSources.Kind.REPLIER,
				List.of(message.authorId()));
		this.threadSources.add(threadId, ThreadSources.Kind.TAG, tagIds);
		this.threadSources.addSites(threadId, parsed.urls());
		this.threadSources.add(threadId, ThreadSources.Kind.MENTION, mentioned);
		this.threadSources.touch(threadId, now);
		this.alerts.push(message.id(), threadId, message.authorId(), now, mentioned);
		this.searchDocuments.refresh(threadId);
	}

	/** An edited message: what its old text said is forgotten, what its new text says is stored. */
	@Transactional(propagation = Propagation.MANDATORY)
	void changed(Message message, ParsedMessage previous, ParsedMessage parsed, Instant now) {
		forget(message, previous);
		this.messageTags.tag(message.id(), parsed.tags(), now);
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
		this.messageTags.untag(message.id(), previous.tags());
		this.messageLinks.detach(message.id(), message.threadId());
		this.mentions.unmention(message.id());
	}

	private void rederiveThread(long threadId, Instant now) {
		this.threadTags.recompute(threadId, now);
		this.threadSources.rebuild(threadId);
		this.searchDocuments.refresh(threadId);
	}

}
