package org.veille.site;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.veille.link.UrlNormalizer;

/**
 * What follows {@code /sites/} in a URL: a host, a path under it, and an optional {@code /feed} (so a path whose
 * last segment is {@code feed} has no page of its own: its threads are on its parent's page). Read from the
 * raw (still percent-encoded) request path and put in the form site pages are stored under, so that any
 * spelling of a site ({@code WWW.Example.org}) can be redirected to its canonical URL.
 *
 * @param host lower-case ASCII, without {@code www.}
 * @param path {@code ""} for the whole site, else {@code /a/b} with canonical escapes
 */
record SitePath(String host, String path, boolean feed, boolean canonical) {

	private static final String FEED = "/feed";

	/** @param raw the request path after {@code /sites}, percent-encoded as sent */
	static Optional<SitePath> parse(String raw) {
		String rest = raw.startsWith("/") ? raw.substring(1) : raw;
		int slash = rest.indexOf('/');
		String typedHost = (slash < 0) ? rest : rest.substring(0, slash);
		String typedPath = (slash < 0) ? "" : rest.substring(slash);
		boolean feed = typedPath.endsWith(FEED);
		if (feed) {
			typedPath = typedPath.substring(0, typedPath.length() - FEED.length());
		}
		Optional<String> host = UrlNormalizer.siteHost(decodeHost(typedHost));
		if (host.isEmpty()) {
			return Optional.empty();
		}
		String path = UrlNormalizer.sitePath(typedPath);
		boolean canonical = host.get().equals(typedHost) && path.equals(typedPath);
		return Optional.of(new SitePath(host.get(), path, feed, canonical));
	}

	String pagePath() {
		return "/sites/" + this.host + this.path;
	}

	String feedPath() {
		return pagePath() + FEED;
	}

	String canonicalPath() {
		return this.feed ? feedPath() : pagePath();
	}

	/** A host typed in its own script arrives percent-encoded in UTF-8. */
	private static String decodeHost(String typed) {
		if (typed.indexOf('%') < 0) {
			return typed;
		}
		try {
			return URLDecoder.decode(typed.replace("+", "%2B"), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return typed;
		}
	}

}
