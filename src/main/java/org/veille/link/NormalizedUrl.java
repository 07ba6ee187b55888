package org.veille.link;

import java.net.IDN;
import java.util.ArrayList;
import java.util.List;

/**
 * A cited URL in the forms Veille needs: the address to fetch, the key that tells whether two URLs are the same
 * page, and the site and path the site pages group it under.
 *
 * @param fetchUrl ASCII, fragment and tracking parameters dropped, the rest as typed (www. and parameter order kept)
 * @param key the identity of the page: {@code fetchUrl} with {@code www.} dropped, parameters sorted and no
 *     trailing slash; two URLs with the same key are one link
 * @param host the host without {@code www.}, lower-case ASCII (IDN in punycode), without port
 * @param sitePath the path without trailing or repeated slashes, {@code ""} for the root
 * @param hasQuery whether the key has a query, so that it names more than the page at {@code sitePath}
 */
public record NormalizedUrl(String fetchUrl, String key, String host, String sitePath, boolean hasQuery) {

	/** Site pages exist for paths this deep at most; deeper pages are listed under their ancestor. */
	public static final int MAX_SITE_DEPTH = 8;

	/** Longer path prefixes get no site page of their own (they would not fit an index entry). */
	public static final int MAX_SITE_PATH_LENGTH = 500;

	/**
	 * The site and the path prefixes this URL is listed under, shortest first: {@code ""}, {@code /a},
	 * {@code /a/b}; at most {@value #MAX_SITE_DEPTH} deep and {@value #MAX_SITE_PATH_LENGTH} characters long.
	 */
	public List<String> sitePrefixes() {
		List<String> prefixes = new ArrayList<>();
		prefixes.add("");
		int end = 0;
		while (prefixes.size() <= MAX_SITE_DEPTH && end < this.sitePath.length()) {
			int next = this.sitePath.indexOf('/', end + 1);
			end = (next < 0) ? this.sitePath.length() : next;
			if (end > MAX_SITE_PATH_LENGTH) {
				break;
			}
			prefixes.add(this.sitePath.substring(0, end));
		}
		return prefixes;
	}

	/** Whether the site page of {@code sitePath} is this page: no query, and not cut by the depth or length limit. */
	public boolean isWholeSitePath() {
		return !this.hasQuery && sitePrefixes().get(sitePrefixes().size() - 1).equals(this.sitePath);
	}

	/** The host as people read it: an IDN in its own script. */
	public static String displayHost(String asciiHost) {
		try {
			return IDN.toUnicode(asciiHost, IDN.ALLOW_UNASSIGNED);
		}
		catch (IllegalArgumentException ex) {
			return asciiHost;
		}
	}

}
