package org.veille.markup;

import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Removes tracking parameters from URLs before they are stored.
 */
public final class UrlCleaner {

	private static final Set<String> TRACKING = Set.of("fbclid", "gclid", "mc_cid", "mc_eid");

	private UrlCleaner() {
	}

	/**
	 * The URL without its {@code utm_*}, {@code fbclid}, {@code gclid}, {@code mc_cid} and
	 * {@code mc_eid} query parameters (names compared ignoring case). Other parameters keep their
	 * order, the fragment is kept, and a query left empty loses its {@code ?}. A URL without
	 * tracking parameters is returned as it is.
	 */
	public static String clean(String url) {
		int fragmentStart = url.indexOf('#');
		String beforeFragment = (fragmentStart < 0) ? url : url.substring(0, fragmentStart);
		String fragment = (fragmentStart < 0) ? "" : url.substring(fragmentStart);
		int queryStart = beforeFragment.indexOf('?');
		if (queryStart < 0) {
			return url;
		}
		StringJoiner kept = new StringJoiner("&");
		boolean removed = false;
		for (String parameter : beforeFragment.substring(queryStart + 1).split("&", -1)) {
			if (isTracking(parameter)) {
				removed = true;
			}
			else if (!parameter.isEmpty()) {
				kept.add(parameter);
			}
		}
		if (!removed) {
			return url;
		}
		String query = (kept.length() == 0) ? "" : "?" + kept;
		return beforeFragment.substring(0, queryStart) + query + fragment;
	}

	private static boolean isTracking(String parameter) {
		int equals = parameter.indexOf('=');
		return isTrackingName((equals < 0) ? parameter : parameter.substring(0, equals));
	}

	/** Whether a query parameter of this name only tracks readers (compared ignoring case). */
	public static boolean isTrackingName(String name) {
		String lower = name.toLowerCase(Locale.ROOT);
		return lower.startsWith("utm_") || TRACKING.contains(lower);
	}

}
