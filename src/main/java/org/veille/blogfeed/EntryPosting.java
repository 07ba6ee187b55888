package org.veille.blogfeed;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import org.veille.message.MessageCommands;
import org.veille.message.MessageRejectedException;

/**
 * Posts an entry as its feed owner's message, or edits that message when the entry changed, each in a transaction
 * of its own that also records the entry: an entry is posted once, whatever fails after.
 */
@Component
class EntryPosting {

	private final BlogFeeds feeds;

	private final MessageCommands messages;

	private final TransactionTemplate transactions;

	EntryPosting(BlogFeeds feeds, MessageCommands messages, TransactionTemplate transactions) {
		this.feeds = feeds;
		this.messages = messages;
		this.transactions = transactions;
	}

	/**
	 * Posts an entry not seen before; false when another poll saw it meanwhile.
	 * @throws MessageRejectedException when the message is over a limit, or its author may not post: nothing is
	 *     recorded then
	 */
	boolean post(ClaimedFeed feed, FeedEntry entry) {
		byte[] key = EntryTexts.keyOf(entry);
		String text = EntryTexts.of(entry);
		Boolean posted = this.transactions.execute((status) -> {
			if (!this.feeds.markSeen(feed.id(), key)) {
				return false;
			}
			long messageId = this.messages.postFromFeed(feed.accountId(), text);
			this.feeds.posted(feed.id(), key, messageId, text);
			return true;
		});
		return Boolean.TRUE.equals(posted);
	}

	/**
	 * Edits the message of an entry seen before whose text changed, while the message still reads as Veille wrote
	 * it; once its author edited or deleted it, the entry's updates are no longer followed.
	 * @return whether the message was edited
	 * @throws MessageRejectedException when the new text is over a limit: the message stays as it was
	 */
	boolean update(ClaimedFeed feed, FeedEntry entry, long messageId, String postedText) {
		byte[] key = EntryTexts.keyOf(entry);
		String text = EntryTexts.of(entry);
		Boolean edited = this.transactions.execute((status) -> {
			boolean done = this.messages.editFromFeed(feed.accountId(), messageId, postedText, text);
			this.feeds.posted(feed.id(), key, messageId, done ? text : null);
			return done;
		});
		return Boolean.TRUE.equals(edited);
	}

}
