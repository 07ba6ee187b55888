package org.veille.web;

import java.util.function.Function;
import java.util.function.ToIntFunction;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Parts of pages rendered once and kept in memory by what they show (issue 16): the key is the part's data, so a
 * change gives another key on every instance and nothing is dropped by hand. Weighed as their text, two bytes a
 * character at worst, plus what the key holds. Used for cards, a thread page's messages, a tag page's side panel
 * and the layout.
 *
 * @param <K> what a part shows
 */
public final class RenderedParts<K> {

	private final Cache<K, String> parts;

	/**
	 * @param maxBytes how much memory the parts and their keys may take, together
	 * @param keyWeight the bytes a key holds beside the part
	 */
	public RenderedParts(long maxBytes, ToIntFunction<K> keyWeight) {
		this.parts = Caffeine.newBuilder()
			.maximumWeight(maxBytes)
			.<K, String>weigher((key, html) -> keyWeight.applyAsInt(key) + html.length() * 2)
			.recordStats()
			.build();
	}

	/** The part kept for this key, rendered first if there is none. */
	public String get(K key, Function<? super K, String> render) {
		return this.parts.get(key, render);
	}

	public long hits() {
		return this.parts.stats().hitCount();
	}

	public long misses() {
		return this.parts.stats().missCount();
	}

}
