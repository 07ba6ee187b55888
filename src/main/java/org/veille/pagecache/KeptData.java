package org.veille.pagecache;

import java.util.function.ToIntFunction;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jspecify.annotations.Nullable;

/**
 * Data read for pages and kept beside them, trusted exactly as long as a kept page showing it would be: read
 * under a stamp ({@link ChangeStamps#take()}), kept with the keys it shows, and given again only while none of
 * them was announced changed since. Bounded by weight, and by the pages' time to live.
 *
 * @param <K> what the data is looked up by
 * @param <V> the data
 */
public final class KeptData<K, V> {

	private final Cache<K, Entry<V>> entries;

	private final ChangeStamps stamps;

	KeptData(ChangeStamps stamps, PageCacheProperties pages, long maxBytes, ToIntFunction<V> weight) {
		this.stamps = stamps;
		this.entries = Caffeine.newBuilder()
			.maximumWeight(maxBytes)
			.<K, Entry<V>>weigher((key, entry) -> 64 + entry.keys().keys().size() * 48 + weight.applyAsInt(entry.value()))
			// No longer than a page: a change's keys are remembered only twice that long (PageVersions).
			.expireAfterWrite(pages.timeToLive())
			.build();
	}

	/** What was kept for this key, if nothing it shows changed since, for a read under this stamp. */
	public @Nullable V get(K key, long stamp) {
		if (stamp == ChangeStamps.UNTRUSTED) {
			return null;
		}
		Entry<V> entry = this.entries.getIfPresent(key);
		return (entry != null && this.stamps.unchangedSince(entry.stamp(), entry.keys())) ? entry.value() : null;
	}

	/** Keeps what was read under this stamp, showing these keys; nothing when the stamp is not to be trusted. */
	public void keep(K key, long stamp, PageKeys shown, V value) {
		if (stamp != ChangeStamps.UNTRUSTED) {
			this.entries.put(key, new Entry<>(stamp, shown, value));
		}
	}

	private record Entry<V>(long stamp, PageKeys keys, V value) {
	}

}
