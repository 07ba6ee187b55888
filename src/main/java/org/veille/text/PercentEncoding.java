package org.veille.text;

import java.nio.charset.StandardCharsets;
import java.util.function.IntPredicate;

/**
 * Percent-encoding (RFC 3986 §2.1) in UTF-8, the one copy every URL and path Veille writes goes through:
 * redirects, lenient parsing of other sites' addresses, tag paths, imported bookmarks, normalized links.
 */
public final class PercentEncoding {

	/** The characters a URI may hold as they are: unreserved and reserved (RFC 3986 §2.2, §2.3). */
	public static final IntPredicate URI_CHARACTER = (c) -> isAsciiAlphanumeric(c)
			|| (c < 128 && "-._~:/?#[]@!$&'()*+,;=".indexOf(c) >= 0);

	private static final char[] HEX = "0123456789ABCDEF".toCharArray();

	private PercentEncoding() {
	}

	/**
	 * The text with every code point {@code kept} refuses percent-encoded. With {@code keepEscapes}, a {@code %}
	 * that starts an escape ({@code %} and two hex digits) stays as it is, and one that starts none is encoded.
	 */
	public static String encode(String text, IntPredicate kept, boolean keepEscapes) {
		StringBuilder out = null;
		for (int i = 0; i < text.length(); i = text.offsetByCodePoints(i, 1)) {
			int c = text.codePointAt(i);
			if (kept.test(c) || (keepEscapes && c == '%' && isEscape(text, i))) {
				if (out != null) {
					out.appendCodePoint(c);
				}
			}
			else {
				if (out == null) {
					out = new StringBuilder(text.length() + 16).append(text, 0, i);
				}
				appendEscaped(out, c);
			}
		}
		return (out != null) ? out.toString() : text;
	}

	/** Appends the UTF-8 bytes of this code point as escapes, upper-case hex. */
	public static void appendEscaped(StringBuilder out, int codePoint) {
		for (byte b : Character.toString(codePoint).getBytes(StandardCharsets.UTF_8)) {
			out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
		}
	}

	/** Whether the {@code %} at this index starts an escape: two hex digits follow. */
	public static boolean isEscape(CharSequence text, int percent) {
		return percent + 2 < text.length() && isHex(text.charAt(percent + 1)) && isHex(text.charAt(percent + 2));
	}

	public static boolean isAsciiAlphanumeric(int c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
	}

	private static boolean isHex(char c) {
		return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f');
	}

}
