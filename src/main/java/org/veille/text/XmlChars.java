package org.veille.text;

/**
 * The characters XML 1.0 can hold (its {@code Char} production: tab, line feed, carriage return,
 * U+0020–U+D7FF, U+E000–U+FFFD, U+10000–U+10FFFF), and text without the others. NUL, the other C0
 * controls, U+FFFE, U+FFFF and lone surrogates never enter storage (DESIGN §8): every input removes
 * them with {@link #strip}, and the feeds and XML writers strip them again on output.
 */
public final class XmlChars {

	private XmlChars() {
	}

	public static boolean isAllowed(int codePoint) {
		return codePoint == '\t' || codePoint == '\n' || codePoint == '\r'
				|| (codePoint >= 0x20 && codePoint <= 0xD7FF) || (codePoint >= 0xE000 && codePoint <= 0xFFFD)
				|| (codePoint >= 0x10000 && codePoint <= 0x10FFFF);
	}

	/** Whether every character of the text is one XML 1.0 can hold. */
	public static boolean isClean(String text) {
		return firstForbidden(text) < 0;
	}

	/** The text without the characters XML 1.0 cannot hold; the same instance when it has none. */
	public static String strip(String text) {
		int first = firstForbidden(text);
		if (first < 0) {
			return text;
		}
		StringBuilder clean = new StringBuilder(text.length()).append(text, 0, first);
		for (int i = first; i < text.length();) {
			int codePoint = text.codePointAt(i);
			if (isAllowed(codePoint)) {
				clean.appendCodePoint(codePoint);
			}
			i += Character.charCount(codePoint);
		}
		return clean.toString();
	}

	/** The index of the first character XML 1.0 cannot hold, or -1. A lone surrogate is its own code point. */
	private static int firstForbidden(String text) {
		for (int i = 0; i < text.length();) {
			int codePoint = text.codePointAt(i);
			if (!isAllowed(codePoint)) {
				return i;
			}
			i += Character.charCount(codePoint);
		}
		return -1;
	}

}
