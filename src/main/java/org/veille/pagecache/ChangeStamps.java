package org.veille.pagecache;

import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * For data kept beside the pages (a card's tags and links, a tag's side panel), the page cache's own test of
 * freshness, with the page cache on or off: take a stamp before reading, tell what was read as a page would
 * ({@link #keys()}), and use it again only while none of those keys was announced since (issue 16). What is kept
 * so must not outlive a page's time to live: the dropped keys are remembered only twice that long.
 */
@Component
public class ChangeStamps {

	/** The stamp of a read that must not be kept: no one listens to the announcements. */
	public static final long UNTRUSTED = -1;

	private final PageVersions versions;

	ChangeStamps(PageVersions versions) {
		this.versions = versions;
	}

	/**
	 * The stamp to read under, or {@link #UNTRUSTED} while another instance's change could go unseen, and for a
	 * reader's forced reload: it asks every cache on the way for a fresh copy.
	 */
	public long take() {
		return (this.versions.isTrustworthy() && !isReload()) ? this.versions.current() : UNTRUSTED;
	}

	/** Whether data read under this stamp, showing these keys, is still what the database holds. */
	public boolean unchangedSince(long stamp, PageKeys keys) {
		return stamp != UNTRUSTED && this.versions.isTrustworthy() && this.versions.isFresh(stamp, keys.keys());
	}

	private static boolean isReload() {
		return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
				&& PageCacheFilter.isReload(attributes.getRequest());
	}

	/** An empty set of keys to tell what some kept data shows, as a page is told. */
	public static PageKeys keys() {
		return new PageKeys();
	}

}
