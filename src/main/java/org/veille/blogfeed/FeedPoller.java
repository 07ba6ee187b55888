package org.veille.blogfeed;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.veille.message.MessageRejectedException;

/**
 * One poll of the feed due longest ago: claim it, fetch it (no transaction open meanwhile), read it, post its new
 * entries as its owner's messages and edit those of entries that changed, then record how it went and when the next
 * poll is due. At most {@value #NEW_PER_POLL} new entries are posted per poll, the latest ones: on the first poll
 * the older entries are left out for good, and so are those beyond the latest ten on any poll (a blog that moved and
 * changed every entry's id floods nobody).
 */
class FeedPoller {

	static final int NEW_PER_POLL = 10;

	private static final Logger logger = LoggerFactory.getLogger(FeedPoller.class);

	private static final HexFormat HEX = HexFormat.of();

	/** Newest first: by date when the entry has one, undated entries after, then in document order. */
	private static final Comparator<FeedEntry> NEWEST_FIRST = Comparator
		.comparing(FeedEntry::published, Comparator.nullsLast(Comparator.reverseOrder()))
		.thenComparingInt(FeedEntry::position);

	private final BlogFeeds feeds;

	private final FeedFetch fetch;

	private final EntryPosting posting;

	private final BlogFeedProperties properties;

	private final Clock clock;

	FeedPoller(BlogFeeds feeds, FeedFetch fetch, EntryPosting posting, BlogFeedProperties properties, Clock clock) {
		this.feeds = feeds;
		this.fetch = fetch;
		this.posting = posting;
		this.properties = properties;
		this.clock = clock;
	}

	/** Polls one feed if one is due; false when none was. */
	boolean runOnce() {
		Optional<ClaimedFeed> claimed = this.feeds.claim(this.properties.lease());
		if (claimed.isEmpty()) {
			return false;
		}
		ClaimedFeed feed = claimed.get();
		FeedFetch.Outcome outcome = this.fetch.fetch(feed.url(), feed.etag(), feed.lastModified());
		if (outcome instanceof FeedFetch.Answered answered && answered.movedTo() != null) {
			// Moved for good (301, 308) and answering there: polled there from now on. A temporary move is not kept.
			this.feeds.moved(feed.id(), answered.movedTo().toString());
		}
		if (outcome instanceof FeedFetch.Body body) {
			read(feed, body);
		}
		else if (outcome instanceof FeedFetch.Failed failed) {
			fail(feed, failed.messageKey(), failed.detail(), failed.retryAfter());
		}
		else {
			Instant now = now();
			this.feeds.polled(feed.id(), PollResult.unchanged(), now, now.plus(this.properties.pollEvery()));
		}
		return true;
	}

	private void read(ClaimedFeed feed, FeedFetch.Body body) {
		FeedDocument document;
		try {
			document = FeedReader.read(body.bytes(), body.contentType(), body.address());
		}
		catch (FeedUnreadableException ex) {
			fail(feed, ex.messageKey(), String.valueOf(ex.getMessage()), null);
			return;
		}
		Posted posted;
		try {
			posted = post(feed, document);
		}
		catch (MessageRejectedException ex) {
			// The person may not post (an address to confirm): nothing is recorded, the entries wait.
			fail(feed, ex.messageKey(), ex.messageKey(), null);
			return;
		}
		String warning = null;
		String detail = null;
		if (posted.overLimit() > 0) {
			warning = "blogfeeds.warning.over-limit";
			detail = String.valueOf(posted.overLimit());
		}
		else if (document.unidentified() > 0) {
			warning = "blogfeeds.warning.unidentified";
			detail = String.valueOf(document.unidentified());
		}
		Instant now = now();
		this.feeds.polled(feed.id(), new PollResult(false, body.etag(), body.lastModified(),
				document.title().isEmpty() ? null : document.title(), posted.posted(), warning, detail), now,
				now.plus(this.properties.pollEvery()));
	}

	private record Posted(int posted, int overLimit) {
	}

	private Posted post(ClaimedFeed feed, FeedDocument document) {
		List<byte[]> keys = document.entries().stream().map(EntryTexts::keyOf).toList();
		Map<String, BlogFeeds.Seen> seen = this.feeds.seen(feed.id(), keys);
		List<FeedEntry> fresh = new ArrayList<>();
		for (int i = 0; i < keys.size(); i++) {
			FeedEntry entry = document.entries().get(i);
			BlogFeeds.Seen before = seen.get(HEX.formatHex(keys.get(i)));
			if (before == null) {
				fresh.add(entry);
			}
			else if (before.messageId() != null && before.postedText() != null
					&& !before.postedText().equals(EntryTexts.of(entry))) {
				update(feed, entry, before.messageId(), before.postedText());
			}
		}
		fresh.sort(NEWEST_FIRST);
		List<FeedEntry> latest = new ArrayList<>(fresh.subList(0, Math.min(NEW_PER_POLL, fresh.size())));
		this.feeds.markLeftOut(feed.id(),
				fresh.subList(latest.size(), fresh.size()).stream().map(EntryTexts::keyOf).toList());
		int posted = 0;
		int overLimit = 0;
		// Oldest first, so that the newest entry is the newest message.
		Collections.reverse(latest);
		for (FeedEntry entry : latest) {
			try {
				posted += this.posting.post(feed, entry) ? 1 : 0;
			}
			catch (MessageRejectedException ex) {
				if ("post.unconfirmed".equals(ex.messageKey())) {
					throw ex;
				}
				logger.debug("Entry {} of feed {} is over a limit of a message: {}", entry.key(), feed.id(),
						ex.messageKey());
				this.feeds.markLeftOut(feed.id(), List.of(EntryTexts.keyOf(entry)));
				overLimit++;
			}
		}
		return new Posted(posted, overLimit);
	}

	private void update(ClaimedFeed feed, FeedEntry entry, long messageId, String postedText) {
		try {
			this.posting.update(feed, entry, messageId, postedText);
		}
		catch (MessageRejectedException ex) {
			logger.debug("The update of entry {} of feed {} is over a limit of a message: {}", entry.key(), feed.id(),
					ex.messageKey());
		}
	}

	private void fail(ClaimedFeed feed, String key, String detail, @Nullable Duration retryAfter) {
		Duration wait = this.properties.backoff(feed.failures() + 1);
		if (retryAfter != null && retryAfter.compareTo(wait) > 0) {
			wait = (retryAfter.compareTo(this.properties.maxBackoff()) > 0) ? this.properties.maxBackoff() : retryAfter;
		}
		Instant now = now();
		this.feeds.failed(feed.id(), key, detail, now, now.plus(wait));
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

}
