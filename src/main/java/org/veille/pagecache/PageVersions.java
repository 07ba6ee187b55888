package org.veille.pagecache;

import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;

import org.springframework.stereotype.Component;

/**
 * When each thing a page may show last changed, on one counter that only grows: a page is stamped with the
 * counter before it is rendered and served again only while nothing it depends on (its keys: a thread, a tag,
 * a person, a site, a stream, see {@link PageKeys}) was dropped after that stamp, nor everything at once.
 * Keys are dropped on each announcement of PostgreSQL (any instance, any writer: {@link ChangeListener});
 * everything is dropped when an announcement may have been missed.
 */
@Component
class PageVersions {

	/**
	 * How many dropped keys are remembered: a key dropped longer ago than twice the pages' time to live can no
	 * longer outdate a kept page. Past this many, forgetting one drops everything instead.
	 */
	private static final int REMEMBERED_KEYS = 200_000;

	private final AtomicLong counter = new AtomicLong();

	private volatile long everythingDroppedAt;

	private final Cache<String, Long> droppedAt;

	/** False while no one listens to PostgreSQL's announcements: another writer's change could go unseen. */
	private final AtomicBoolean listening = new AtomicBoolean();

	PageVersions(PageCacheProperties properties) {
		this.droppedAt = Caffeine.newBuilder()
			.maximumSize(REMEMBERED_KEYS)
			.expireAfterWrite(properties.timeToLive().multipliedBy(2))
			.<String, Long>removalListener((key, at, cause) -> {
				if (cause == RemovalCause.SIZE) {
					changed();
				}
			})
			.build();
	}

	/** The stamp of a page about to be rendered. */
	long current() {
		return this.counter.get();
	}

	/** Whether a page stamped so, showing these keys, still shows what the database holds. */
	boolean isFresh(long renderedAt, Set<String> keys) {
		if (this.everythingDroppedAt > renderedAt) {
			return false;
		}
		for (String key : keys) {
			Long at = this.droppedAt.getIfPresent(key);
			if (at != null && at > renderedAt) {
				return false;
			}
		}
		return true;
	}

	/** Anything may have changed: every page kept so far is outdated. */
	void changed() {
		this.everythingDroppedAt = this.counter.incrementAndGet();
	}

	void dropped(String key) {
		this.droppedAt.put(key, this.counter.incrementAndGet());
	}

	boolean isTrustworthy() {
		return this.listening.get();
	}

	void listening(boolean listening) {
		this.listening.set(listening);
		changed();
	}

}
