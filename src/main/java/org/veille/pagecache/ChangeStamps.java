package org.veille.pagecache;

import java.util.function.ToIntFunction;

import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * For data kept beside the pages (a card's tags and links, a tag's side panel), the page cache's own test of
 * freshness, with the page cache on or off (issue 16): take a stamp before reading, tell what was read as a page
 * would ({@link #keys()}), and use it again only while none of those keys was announced changed since
 * ({@link KeptData}).
 */
@Component
public class ChangeStamps {

	/** The stamp of a read that must not be kept. */
	public static final long UNTRUSTED = -1;

	private final PageVersions versions;

	private final PageCacheProperties pages;

	ChangeStamps(PageVersions versions, PageCacheProperties pages) {
		this.versions = versions;
		this.pages = pages;
	}

	/**
	 * The stamp to read under, or {@link #UNTRUSTED} while another instance's change could go unseen, and for a
	 * reader's forced reload: it asks every cache on the way for a fresh copy.
	 */
	public long take() {
		return (this.versions.isTrustworthy() && !isReload()) ? this.versions.current() : UNTRUSTED;
	}

	/** Data kept by these stamps, up to this many bytes as weighed. */
	public <K, V> KeptData<K, V> keeping(long maxBytes, ToIntFunction<V> weight) {
		return new KeptData<>(this, this.pages, maxBytes, weight);
	}

	/** An empty set of keys to tell what some kept data shows, as a page is told. */
	public static PageKeys keys() {
		return new PageKeys();
	}

	boolean unchangedSince(long stamp, PageKeys keys) {
		return this.versions.isTrustworthy() && this.versions.isFresh(stamp, keys.keys());
	}

	private static boolean isReload() {
		return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
				&& PageCacheFilter.isReload(attributes.getRequest());
	}

}
