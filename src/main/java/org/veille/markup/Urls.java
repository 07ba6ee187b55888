package org.veille.markup;

import java.util.List;
import java.util.Locale;

/**
 * Where a URL typed in a message ends, and whether it points to an image.
 */
final class Urls {

	private static final String TRAILING_PUNCTUATION = ".,;:!?\"'»”’";

	private static final List<String> IMAGE_EXTENSIONS = List.of(".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg");

	private Urls() {
	}

	/**
	 * The end of the http or https URL starting at {@code start}, or {@code start} if none starts
	 * there. A URL starts after something other than a letter or a digit and runs to a blank, a
	 * quote mark, {@code < > `}; then trailing punctuation and closing quotes are given back, and
	 * a trailing {@code )} unless the URL holds its {@code (}. A {@code *} or {@code _} right
	 * before the URL is taken as a style marker whose pair, at the URL's end, is given back too.
	 */
	static int end(CharSequence text, int start) {
		if (start > 0 && Character.isLetterOrDigit(Character.codePointBefore(text, start))) {
			return start;
		}
		int hostStart = start + schemeLength(text, start);
		if (hostStart == start || !startsHost(text, hostStart)) {
			// Decided before reading the run: a lexer that then moves on by one character never
			// reads the same run again for each "http://" in it.
			return start;
		}
		int end = hostStart;
		int opened = 0;
		int closed = 0;
		while (end < text.length() && isUrlChar(text.charAt(end))) {
			opened += (text.charAt(end) == '(') ? 1 : 0;
			closed += (text.charAt(end) == ')') ? 1 : 0;
			end++;
		}
		char marker = (start > 0) ? text.charAt(start - 1) : ' ';
		while (end > hostStart) {
			char last = text.charAt(end - 1);
			if (TRAILING_PUNCTUATION.indexOf(last) >= 0 || (last == marker && (marker == '*' || marker == '_'))) {
				end--;
			}
			else if (last == ')' && closed > opened) {
				end--;
				closed--;
			}
			else {
				break;
			}
		}
		return end;
	}

	/** Whether a host (a name, an IPv4 address or a bracketed IPv6 one) starts at {@code hostStart}. */
	private static boolean startsHost(CharSequence text, int hostStart) {
		return hostStart < text.length()
				&& (Character.isLetterOrDigit(Character.codePointAt(text, hostStart)) || text.charAt(hostStart) == '[');
	}

	/** Whether the URL's path, before any query or fragment, ends in an image extension. */
	static boolean isImage(String url) {
		int end = url.length();
		for (char stop : new char[] { '?', '#' }) {
			int at = url.indexOf(stop);
			if (at >= 0 && at < end) {
				end = at;
			}
		}
		int pathStart = url.indexOf('/', url.indexOf("//") + 2);
		if (pathStart < 0 || pathStart >= end) {
			return false;
		}
		String path = url.substring(pathStart, end).toLowerCase(Locale.ROOT);
		return IMAGE_EXTENSIONS.stream().anyMatch(path::endsWith);
	}

	private static int schemeLength(CharSequence text, int start) {
		for (String scheme : new String[] { "https://", "http://" }) {
			if (startsWithIgnoringCase(text, start, scheme)) {
				return scheme.length();
			}
		}
		return 0;
	}

	private static boolean startsWithIgnoringCase(CharSequence text, int start, String ascii) {
		if (start + ascii.length() > text.length()) {
			return false;
		}
		for (int i = 0; i < ascii.length(); i++) {
			if (Character.toLowerCase(text.charAt(start + i)) != ascii.charAt(i)) {
				return false;
			}
		}
		return true;
	}

	private static boolean isUrlChar(char c) {
		return !Character.isWhitespace(c) && !Character.isSpaceChar(c) && !Character.isISOControl(c)
				&& "<>\"`❝❞".indexOf(c) < 0;
	}

}
