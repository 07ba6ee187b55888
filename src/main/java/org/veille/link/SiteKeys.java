package org.veille.link;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sites as people follow them: a host and at most {@value #MAX_SEGMENTS} path segments, written
 * without scheme or {@code www.}, such as {@code example.org} or {@code example.org/blog}. A URL
 * belongs to the site of its host and to the site of each of its first path segments, so that
 * following {@code example.org/blog} finds {@code https://www.example.org/blog/2026/post} but not
 * {@code https://example.org/blogroll}.
 * <p>
 * Read from {@code links.url} for now; when links carry a normalized URL (issue 4), only this class
 * changes. Migration V2 reads the URLs stored before it the same way, in SQL.
 */
public final class SiteKeys {

	public static final int MAX_SEGMENTS = 3;

	private static final Pattern URL_HOST = Pattern.compile("^https?://(?:[^@/?#]*@)?([^/?#:]+)",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://");

	private static final Pattern PATH = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://[^/?#]*(/[^?#]*)");

	private static final Pattern HOST = Pattern.compile("[\\p{L}\\p{N}](?:[\\p{L}\\p{N}.-]*[\\p{L}\\p{N}])?");

	private SiteKeys() {
	}

	/** The sites a URL belongs to, widest first: its host, then each of its first path segments. */
	public static List<String> of(String url) {
		Matcher hostMatch = URL_HOST.matcher(url);
		String host = hostMatch.find() ? withoutWww(hostMatch.group(1).toLowerCase(Locale.ROOT)) : "";
		if (host.isEmpty()) {
			return List.of();
		}
		Matcher path = PATH.matcher(url);
		List<String> segments = path.find() ? segments(path.group(1)) : List.of();
		List<String> keys = new ArrayList<>();
		StringBuilder key = new StringBuilder(host);
		keys.add(key.toString());
		for (int i = 0; i < Math.min(segments.size(), MAX_SEGMENTS); i++) {
			key.append('/').append(segments.get(i));
			keys.add(key.toString());
		}
		return keys;
	}

	/**
	 * Reads a site as a person types it ({@code example.org/blog}, {@code https://www.example.org/blog/}):
	 * empty when it names no host or goes deeper than {@value #MAX_SEGMENTS} segments.
	 */
	public static Optional<String> parse(String typed) {
		String rest = SCHEME.matcher(typed.strip()).replaceFirst("");
		int cut = indexOfAny(rest, "?#");
		rest = (cut >= 0) ? rest.substring(0, cut) : rest;
		int slash = rest.indexOf('/');
		String authority = (slash >= 0) ? rest.substring(0, slash) : rest;
		String path = (slash >= 0) ? rest.substring(slash) : "";
		authority = authority.substring(authority.lastIndexOf('@') + 1);
		int colon = authority.indexOf(':');
		String host = withoutWww(((colon >= 0) ? authority.substring(0, colon) : authority).toLowerCase(Locale.ROOT));
		List<String> segments = segments(path);
		if (!HOST.matcher(host).matches() || segments.size() > MAX_SEGMENTS
				|| segments.stream().anyMatch((segment) -> segment.chars().anyMatch(Character::isWhitespace))) {
			return Optional.empty();
		}
		return Optional.of(segments.isEmpty() ? host : host + "/" + String.join("/", segments));
	}

	private static List<String> segments(String path) {
		List<String> segments = new ArrayList<>();
		for (String segment : path.split("/")) {
			if (!segment.isEmpty()) {
				segments.add(segment);
			}
		}
		return segments;
	}

	private static String withoutWww(String host) {
		return host.startsWith("www.") ? host.substring(4) : host;
	}

	private static int indexOfAny(String text, String characters) {
		for (int i = 0; i < text.length(); i++) {
			if (characters.indexOf(text.charAt(i)) >= 0) {
				return i;
			}
		}
		return -1;
	}

}
