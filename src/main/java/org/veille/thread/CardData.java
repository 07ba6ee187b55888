package org.veille.thread;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.veille.pagecache.ChangeStamps;
import org.veille.pagecache.PageKeys;
import org.veille.web.HeapShare;

/**
 * A message's tags and links as its card shows them. {@link ThreadDecorator} keeps them until the thread, one of
 * those tags' display form or one of those links is announced changed, as a kept page showing the card would be
 * dropped: reading them was two statements of every page's first render, 0.6 ms of PostgreSQL's CPU for a tag page
 * of 25 cards at 1,000 messages (issue 16).
 */
record CardData(List<TagChip> tags, List<LinkCard> links) {

	/** A thirty-second of the heap (16 MB of 512): a few hundred bytes a card, tens of thousands of cards. */
	static final long MAX_WEIGHT = HeapShare.of(32);

	/** What a page showing this data of a message of this thread depends on. */
	PageKeys keys(long threadId) {
		PageKeys keys = ChangeStamps.keys();
		tell(keys, threadId, this.tags, this.links);
		return keys;
	}

	/** Tells a page (or kept data) that it shows a card of this thread with these tags and links. */
	static void tell(PageKeys page, long threadId, List<TagChip> tags, List<LinkCard> links) {
		page.thread(threadId);
		tags.forEach((tag) -> page.tagShown(tag.key()));
		links.forEach((link) -> page.link(link.id()));
	}

	int weight() {
		int characters = 0;
		for (TagChip tag : this.tags) {
			characters += tag.key().length() + tag.display().length() + 16;
		}
		for (LinkCard link : this.links) {
			characters += 64 + length(link.url()) + length(link.finalUrl()) + length(link.title())
					+ length(link.description()) + length(link.siteName()) + length(link.failureDetail())
					+ link.topics().size() * 32;
		}
		return 128 + characters * 2;
	}

	private static int length(@Nullable String text) {
		return (text != null) ? text.length() : 0;
	}

}
