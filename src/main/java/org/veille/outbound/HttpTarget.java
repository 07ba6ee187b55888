package org.veille.outbound;

import java.net.IDN;
import java.net.URI;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Where one HTTP request goes, read from an absolute http(s) URL.
 *
 * @param secure whether TLS is spoken
 * @param host the host as written in the URL, ASCII, IPv6 literals in brackets
 * @param port the port, the scheme's default when the URL names none
 * @param requestTarget the path and query sent in the request line
 */
record HttpTarget(boolean secure, String host, int port, String requestTarget) {

	/** @throws IllegalArgumentException when the URL is not an absolute http(s) URL with a host */
	static HttpTarget of(URI uri) {
		if (!uri.isAbsolute() || uri.isOpaque()) {
			throw new IllegalArgumentException("not an absolute URL: " + uri);
		}
		String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
		if (!scheme.equals("http") && !scheme.equals("https")) {
			throw new IllegalArgumentException("only http and https URLs are requested: " + uri);
		}
		boolean secure = scheme.equals("https");
		URI ascii = URI.create(uri.toASCIIString());
		String host = ascii.getHost();
		int port = ascii.getPort();
		if (host == null) {
			// java.net.URI gives no host for names it finds odd (0x7f.1, under_score, café.fr): read the authority.
			Authority authority = Authority.parse(uri.getRawAuthority(), uri);
			host = authority.host();
			port = authority.port();
		}
		if (port == -1) {
			port = secure ? 443 : 80;
		}
		String path = ascii.getRawPath() == null || ascii.getRawPath().isEmpty() ? "/" : ascii.getRawPath();
		String query = ascii.getRawQuery() == null ? "" : "?" + ascii.getRawQuery();
		return new HttpTarget(secure, host.toLowerCase(Locale.ROOT), port, path + query);
	}

	/** The host as an HTTP library takes it: an IPv6 literal without its brackets. */
	String hostName() {
		return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
	}

	boolean hasDefaultPort() {
		return port == (secure ? 443 : 80);
	}

	private record Authority(String host, int port) {

		static Authority parse(@Nullable String rawAuthority, URI uri) {
			if (rawAuthority == null) {
				throw new IllegalArgumentException("no host in " + uri);
			}
			String hostPort = rawAuthority.substring(rawAuthority.lastIndexOf('@') + 1);
			int colon = hostPort.lastIndexOf(':');
			int port = -1;
			if (colon >= 0 && !hostPort.endsWith("]")) {
				port = parsePort(hostPort.substring(colon + 1), uri);
				hostPort = hostPort.substring(0, colon);
			}
			String host = IDN.toASCII(hostPort, IDN.ALLOW_UNASSIGNED);
			if (host.isEmpty() || !host.chars().allMatch(c -> c > 0x20 && c < 0x7f && "/?#@[]\\%<>\"".indexOf(c) < 0)) {
				throw new IllegalArgumentException("bad host in " + uri);
			}
			return new Authority(host, port);
		}

		private static int parsePort(String digits, URI uri) {
			if (digits.isEmpty()) {
				return -1;
			}
			if (digits.length() > 5 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
				throw new IllegalArgumentException("bad port in " + uri);
			}
			return Integer.parseInt(digits);
		}
	}
}
