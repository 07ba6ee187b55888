package org.veille.link;

import java.net.IDN;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.veille.markup.UrlCleaner;
import org.veille.text.PercentEncoding;

/**
 * Turns a cited http(s) URL into its {@link NormalizedUrl}: scheme and host lower-cased, IDN hosts in punycode,
 * the default port dropped, percent-escapes made canonical, dot segments resolved, the fragment and tracking
 * parameters dropped; for the key, also {@code www.}, the order of parameters and a trailing slash. Pure Java.
 */
public final class UrlNormalizer {

	private static final String UNRESERVED = "-._~";

	/** Characters kept as they are in a path or query; everything else is percent-encoded. */
	private static final String KEPT = "-._~!$&'()*+,;=:@/?";

	private UrlNormalizer() {
	}

	/** The normalized forms, or empty when the URL is not an absolute http(s) URL with a valid host and port. */
	public static Optional<NormalizedUrl> normalize(String url) {
		String text = url.strip();
		int schemeEnd = text.indexOf("://");
		if (schemeEnd < 0) {
			return Optional.empty();
		}
		String scheme = text.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
		if (!scheme.equals("http") && !scheme.equals("https")) {
			return Optional.empty();
		}
		String rest = text.substring(schemeEnd + 3);
		int fragment = rest.indexOf('#');
		if (fragment >= 0) {
			rest = rest.substring(0, fragment);
		}
		int authorityEnd = firstOf(rest, "/?\\");
		String authority = rest.substring(0, authorityEnd);
		String afterAuthority = rest.substring(authorityEnd);
		int queryStart = afterAuthority.indexOf('?');
		String rawPath = (queryStart < 0) ? afterAuthority : afterAuthority.substring(0, queryStart);
		@Nullable String rawQuery = (queryStart < 0) ? null : afterAuthority.substring(queryStart + 1);

		HostPort hostPort = HostPort.parse(authority.substring(authority.lastIndexOf('@') + 1), scheme);
		if (hostPort == null) {
			return Optional.empty();
		}
		String path = removeDotSegments(encode(rawPath.replace('\\', '/'), true));
		if (path.isEmpty()) {
			path = "/";
		}
		List<String> parameters = parameters(rawQuery);
		String origin = scheme + "://" + hostPort.host() + hostPort.portSuffix();
		String fetchUrl = origin + path + query(parameters);
		List<String> sorted = new ArrayList<>(parameters);
		sorted.sort(null);
		String siteHost = withoutWww(hostPort.host());
		String keyPath = (path.length() > 1 && path.endsWith("/")) ? path.substring(0, path.length() - 1) : path;
		String key = scheme + "://" + siteHost + hostPort.portSuffix() + keyPath + query(sorted);
		return Optional.of(new NormalizedUrl(fetchUrl, key, siteHost, sitePath(path), !parameters.isEmpty()));
	}

	/**
	 * A path as it appears after {@code /sites/{host}} in a Veille URL, in the form the site pages are stored
	 * under: escapes canonical, dot segments resolved, no empty segment, no trailing slash.
	 */
	public static String sitePath(String path) {
		StringBuilder site = new StringBuilder();
		for (String segment : removeDotSegments(encode(path, true)).split("/")) {
			if (!segment.isEmpty()) {
				site.append('/').append(segment);
			}
		}
		return site.toString();
	}

	/** A host as typed in a Veille URL or a message: lower-case ASCII without {@code www.}, or empty if invalid. */
	public static Optional<String> siteHost(String host) {
		HostPort hostPort = HostPort.parse(host, "http");
		return (hostPort == null || hostPort.port() != -1) ? Optional.empty()
				: Optional.of(withoutWww(hostPort.host()));
	}

	private static String withoutWww(String host) {
		return (host.startsWith("www.") && host.indexOf('.', 4) > 0) ? host.substring(4) : host;
	}

	private static List<String> parameters(@Nullable String rawQuery) {
		List<String> kept = new ArrayList<>();
		if (rawQuery == null) {
			return kept;
		}
		for (String parameter : rawQuery.split("&")) {
			if (parameter.isEmpty()) {
				continue;
			}
			int equals = parameter.indexOf('=');
			String name = (equals < 0) ? parameter : parameter.substring(0, equals);
			if (!UrlCleaner.isTrackingName(decodeForName(name))) {
				kept.add(encode(parameter, false));
			}
		}
		return kept;
	}

	private static String query(List<String> parameters) {
		return parameters.isEmpty() ? "" : "?" + String.join("&", parameters);
	}

	/**
	 * Percent-encodes what must be, upper-cases escapes and decodes the escapes of unreserved characters, so that
	 * {@code %7e}, {@code %7E} and {@code ~} are one spelling.
	 */
	private static String encode(String text, boolean path) {
		StringBuilder out = new StringBuilder(text.length() + 8);
		int i = 0;
		while (i < text.length()) {
			char c = text.charAt(i);
			if (c == '%' && PercentEncoding.isEscape(text, i)) {
				int value = Integer.parseInt(text.substring(i + 1, i + 3), 16);
				if (PercentEncoding.isAsciiAlphanumeric(value) || UNRESERVED.indexOf(value) >= 0) {
					out.append((char) value);
				}
				else {
					out.append('%').append(text.substring(i + 1, i + 3).toUpperCase(Locale.ROOT));
				}
				i += 3;
				continue;
			}
			if (PercentEncoding.isAsciiAlphanumeric(c) || (KEPT.indexOf(c) >= 0 && !(path && c == '?'))) {
				out.append(c);
				i++;
				continue;
			}
			int codePoint = text.codePointAt(i);
			PercentEncoding.appendEscaped(out, codePoint);
			i += Character.charCount(codePoint);
		}
		return out.toString();
	}

	/** RFC 3986 section 5.2.4, on a path that starts with {@code /} or is empty. */
	private static String removeDotSegments(String path) {
		if (path.isEmpty()) {
			return path;
		}
		Deque<String> kept = new ArrayDeque<>();
		String[] segments = path.substring(1).split("/", -1);
		for (int i = 0; i < segments.length; i++) {
			String segment = segments[i];
			boolean last = i == segments.length - 1;
			if (segment.equals(".")) {
				if (last) {
					kept.addLast("");
				}
			}
			else if (segment.equals("..")) {
				kept.pollLast();
				if (last) {
					kept.addLast("");
				}
			}
			else {
				kept.addLast(segment);
			}
		}
		return "/" + String.join("/", kept);
	}

	private static String decodeForName(String name) {
		StringBuilder out = new StringBuilder(name.length());
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (c == '%' && PercentEncoding.isEscape(name, i)) {
				out.append((char) Integer.parseInt(name.substring(i + 1, i + 3), 16));
				i += 2;
			}
			else {
				out.append(c);
			}
		}
		return out.toString();
	}

	private static int firstOf(String text, String stops) {
		for (int i = 0; i < text.length(); i++) {
			if (stops.indexOf(text.charAt(i)) >= 0) {
				return i;
			}
		}
		return text.length();
	}

	/** The host and port of an authority (userinfo already removed). */
	private record HostPort(String host, int port) {

		String portSuffix() {
			return (this.port == -1) ? "" : ":" + this.port;
		}

		static @Nullable HostPort parse(String hostAndPort, String scheme) {
			String host = hostAndPort;
			String port = "";
			if (host.startsWith("[")) {
				int close = host.indexOf(']');
				if (close < 0) {
					return null;
				}
				port = host.substring(close + 1);
				host = host.substring(0, close + 1).toLowerCase(Locale.ROOT);
				if (!port.isEmpty() && !port.startsWith(":")) {
					return null;
				}
				port = port.isEmpty() ? "" : port.substring(1);
				if (!host.substring(1, host.length() - 1).chars().allMatch((c) -> Character.digit(c, 16) >= 0
						|| c == ':' || c == '.')) {
					return null;
				}
			}
			else {
				int colon = host.lastIndexOf(':');
				if (colon >= 0) {
					port = host.substring(colon + 1);
					host = host.substring(0, colon);
				}
				host = asciiHost(host);
				if (host == null) {
					return null;
				}
			}
			int number = -1;
			if (!port.isEmpty()) {
				if (port.length() > 5 || !port.chars().allMatch((c) -> c >= '0' && c <= '9')) {
					return null;
				}
				number = Integer.parseInt(port);
				if (number < 1 || number > 65535) {
					return null;
				}
				if (number == (scheme.equals("https") ? 443 : 80)) {
					number = -1;
				}
			}
			return new HostPort(host, number);
		}

		private static @Nullable String asciiHost(String typed) {
			String host = typed.endsWith(".") ? typed.substring(0, typed.length() - 1) : typed;
			if (host.isEmpty() || host.indexOf('%') >= 0) {
				return null;
			}
			try {
				host = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
			}
			catch (IllegalArgumentException ex) {
				return null;
			}
			if (host.isEmpty() || host.length() > 253
					|| !host.chars().allMatch((c) -> PercentEncoding.isAsciiAlphanumeric(c) || c == '-' || c == '.' || c == '_')) {
				return null;
			}
			return host;
		}

	}

}
