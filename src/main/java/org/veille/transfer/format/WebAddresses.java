package org.veille.transfer.format;

import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.veille.text.PercentEncoding;

/**
 * The web address of a bookmark as Veille keeps it: an http or https URL with a host, trimmed, with blanks, control
 * characters and the characters that end a URL in a message ({@code < > " ` ❝ ❞}) percent-encoded, so that the whole
 * address stays one link in the message text.
 */
final class WebAddresses {

	private static final String ENDS_URL_IN_MESSAGES = "<>\"`\u275D\u275E";

	/** A scheme (RFC 3986 §3.1) and its colon. */
	private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:");

	private WebAddresses() {
	}

	/** The address, or null if it is not an http or https address with a host. */
	static @Nullable String normalize(String raw) {
		String address = raw.strip();
		int hostStart = schemeLength(address);
		if (hostStart == 0 || hostStart == address.length()) {
			return null;
		}
		char host = address.charAt(hostStart);
		if (!Character.isLetterOrDigit(host) && host != '[') {
			return null;
		}
		return PercentEncoding.encode(address, (c) -> !needsEncoding(c), false);
	}

	/**
	 * Why an address that {@link #normalize} refuses is not a web address: a browser's saved query, a
	 * bookmarklet, or anything else.
	 */
	static SkippedBookmark.Reason whyNot(String raw) {
		String lower = raw.strip().toLowerCase(Locale.ROOT);
		if (lower.startsWith("place:")) {
			return SkippedBookmark.Reason.BROWSER_QUERY;
		}
		return lower.startsWith("javascript:") ? SkippedBookmark.Reason.BOOKMARKLET
				: SkippedBookmark.Reason.NOT_A_WEB_ADDRESS;
	}

	/**
	 * Whether the address is a relative reference within the site that exported it (RFC 3986 §4.2: no
	 * scheme, and no {@code //} naming another host), such as Shaarli's note links {@code ?Qm7fTw} and
	 * {@code /shaare/Qm7fTw}.
	 */
	static boolean isRelativeToTheSite(String raw) {
		String address = raw.strip();
		return !address.isEmpty() && !address.startsWith("//") && !SCHEME.matcher(address).lookingAt();
	}

	private static int schemeLength(String address) {
		String lower = address.substring(0, Math.min(8, address.length())).toLowerCase(Locale.ROOT);
		if (lower.startsWith("https://")) {
			return 8;
		}
		return lower.startsWith("http://") ? 7 : 0;
	}

	private static boolean needsEncoding(int c) {
		return Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)
				|| ENDS_URL_IN_MESSAGES.indexOf(c) >= 0;
	}

}
