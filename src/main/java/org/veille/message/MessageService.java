package org.veille.message;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.veille.link.MessageLinks;
import org.veille.markup.MarkupParser;
import org.veille.markup.ParsedMessage;
import org.veille.tag.MessageTags;

/**
 * The write path of DESIGN §1: parse once, then store the text and everything derived from it in
 * one transaction.
 */
@Service
class MessageService {

	private final MessageRepository messages;

	private final MessageTags messageTags;

	private final MessageLinks messageLinks;

	private final Clock clock;

	MessageService(MessageRepository messages, MessageTags messageTags, MessageLinks messageLinks, Clock clock) {
		this.messages = messages;
		this.messageTags = messageTags;
		this.messageLinks = messageLinks;
		this.clock = clock;
	}

	/** Starts a thread with this text and returns its id; throws {@link MessageRejectedException} over a limit. */
	@Transactional
	long startThread(long authorId, String text) {
		ParsedMessage parsed = MarkupParser.parse(text);
		MessageLimits.check(parsed);
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		Message message = this.messages.save(Message.startThread(authorId, parsed, now));
		this.messageTags.tag(message.id(), message.id(), message.createdAt(), parsed.tags());
		this.messageLinks.attach(message.id(), message.id(), message.createdAt(), parsed.urls());
		return message.id();
	}

}
