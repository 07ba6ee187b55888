package org.veille.link.fetch;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.veille.text.XmlChars;

/**
 * Makes text taken from a page fit to show: one line, no control characters nor any other character XML 1.0
 * forbids (U+FFFF, lone surrogates: {@link XmlChars}), not too long.
 */
final class CleanText {

	private static final Pattern WHITESPACE = Pattern.compile("[\\s\\p{Z}]+");
	/** Control characters, and the bidirectional overrides that could make a title read backwards. */
	private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cc}\\x{202A}-\\x{202E}\\x{2066}-\\x{2069}&&[^\\s]]");
	private static final String ELLIPSIS = "…";

	private CleanText() {
	}

	/** The text on one line, or null when nothing visible is left; cut to {@code maxLength} code points with "…". */
	static @Nullable String clean(@Nullable String text, int maxLength) {
		if (text == null) {
			return null;
		}
		String visible = WHITESPACE.matcher(INVISIBLE.matcher(XmlChars.strip(text)).replaceAll("")).replaceAll(" ").strip();
		if (visible.isEmpty()) {
			return null;
		}
		if (visible.codePointCount(0, visible.length()) <= maxLength) {
			return visible;
		}
		String cut = visible.substring(0, visible.offsetByCodePoints(0, maxLength - 1)).stripTrailing();
		return cut + ELLIPSIS;
	}
}
