package org.veille.thread;

import java.util.List;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

import org.veille.pagecache.ChangeStamps;
import org.veille.pagecache.PageCacheProperties;
import org.veille.pagecache.PageKeys;

/**
 * A message's tags and links as its card shows them, kept until its thread, one of those tags' display form or one
 * of those links is announced changed, exactly as a kept page showing the card would be dropped
 * ({@link ChangeStamps}). Reading them was two statements of every page's first render: 0.6 ms of PostgreSQL's CPU
 * for a tag page of 25 cards (issue 16).
 */
@Component
class KeptCardData {

	/** A few hundred bytes a card at most: tens of thousands of cards. */
	private static final long MAX_WEIGHT = 16L * 1024 * 1024;

	private final Cache<Long, Entry> entries;

	private final ChangeStamps stamps;

	KeptCardData(ChangeStamps stamps, PageCacheProperties pages) {
		this.stamps = stamps;
		this.entries = Caffeine.newBuilder()
			.maximumWeight(MAX_WEIGHT)
			.<Long, Entry>weigher((id, entry) -> entry.weight())
			// No longer than a page: a change's keys are remembered only twice that long (ChangeStamps).
			.expireAfterWrite(pages.timeToLive())
			.build();
	}

	/** The stamp to read the missing cards under. */
	long stamp() {
		return this.stamps.take();
	}

	/** What was kept of this message, if nothing it shows changed since, for a read under this stamp. */
	@Nullable Entry get(long messageId, long stamp) {
		if (stamp == ChangeStamps.UNTRUSTED) {
			return null;
		}
		Entry entry = this.entries.getIfPresent(messageId);
		return (entry != null && this.stamps.unchangedSince(entry.stamp(), entry.keys())) ? entry : null;
	}

	void keep(long messageId, long threadId, long stamp, List<TagChip> tags, List<LinkCard> links) {
		if (stamp == ChangeStamps.UNTRUSTED) {
			return;
		}
		PageKeys keys = ChangeStamps.keys().thread(threadId);
		tags.forEach((tag) -> keys.tagShown(tag.key()));
		links.forEach((link) -> keys.link(link.id()));
		this.entries.put(messageId, new Entry(stamp, keys, tags, links));
	}

	record Entry(long stamp, PageKeys keys, List<TagChip> tags, List<LinkCard> links) {

		int weight() {
			int characters = 0;
			for (TagChip tag : this.tags) {
				characters += tag.key().length() * 2 + tag.display().length() + 8;
			}
			for (LinkCard link : this.links) {
				characters += 64 + length(link.url()) + length(link.finalUrl()) + length(link.title())
						+ length(link.description()) + length(link.siteName()) + length(link.failureDetail())
						+ link.topics().size() * 32;
			}
			return 256 + characters * 2;
		}

		private static int length(@Nullable String text) {
			return (text != null) ? text.length() : 0;
		}

	}

}
