package org.veille.outbound;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.veille.text.PercentEncoding;

/**
 * Parses URLs the way browsers tolerate them in pages and {@code Location} headers: spaces, non-ASCII characters
 * and stray {@code %} are percent-encoded instead of rejected. Spring's WHATWG parser
 * ({@code UriComponentsBuilder.fromUriString(s, ParserType.WHAT_WG)}) was tried in its place and kept none of this:
 * it resolves no reference against a base (its parser with a base is not public), so {@code ../g} lost its place,
 * and its {@code toUri()} left {@code café} unencoded while encoding {@code %20} again.
 */
public final class LenientUris {

	private LenientUris() {
	}

	static @Nullable URI parse(String text) {
		try {
			return new URI(encodeIllegal(text.strip()));
		}
		catch (URISyntaxException ex) {
			return null;
		}
	}

	/** An absolute http or https URL with a host, else null. */
	public static @Nullable URI parseHttp(String text) {
		URI uri = parse(text);
		if (uri == null || !uri.isAbsolute() || uri.isOpaque() || uri.getRawAuthority() == null) {
			return null;
		}
		String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
		return scheme.equals("http") || scheme.equals("https") ? uri : null;
	}

	/** Resolves a reference as RFC 3986 does, including a query-only reference that Java resolves the RFC 2396 way. */
	public static @Nullable URI resolve(URI base, String reference) {
		String trimmed = reference.strip();
		if (trimmed.startsWith("?")) {
			return parse(base.getScheme() + "://" + base.getRawAuthority() + pathOf(base) + trimmed);
		}
		URI relative = parse(trimmed);
		return relative == null ? null : withoutDotSegmentsAboveRoot(base.resolve(relative));
	}

	/** Java keeps the {@code ..} segments that climb above the root; RFC 3986 and browsers drop them. */
	private static URI withoutDotSegmentsAboveRoot(URI uri) {
		String path = uri.getRawPath();
		if (uri.isOpaque() || path == null || !(path.startsWith("/../") || path.equals("/.."))) {
			return uri;
		}
		while (path.startsWith("/../")) {
			path = path.substring(3);
		}
		if (path.equals("/..")) {
			path = "/";
		}
		String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
		String fragment = uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment();
		return URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + path + query + fragment);
	}

	private static String pathOf(URI base) {
		String path = base.getRawPath();
		return path == null || path.isEmpty() ? "/" : path;
	}

	private static String encodeIllegal(String text) {
		return PercentEncoding.encode(text, PercentEncoding.URI_CHARACTER, true);
	}

}
