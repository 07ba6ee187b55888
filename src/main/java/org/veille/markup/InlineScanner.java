package org.veille.markup;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds hashtags, @mentions (of people here, {@code @login}, or elsewhere, {@code @user@host}) and style markers in plain text, left to right, each character once.
 * Positions are those of the whole message, so that what comes before a {@code @} or around a
 * marker is seen even across a URL or a piece of code.
 */
final class InlineScanner {

	private final CharSequence text;

	private final boolean withMarkers;

	private final List<Inline> found = new ArrayList<>();

	private int literalStart;

	private InlineScanner(CharSequence text, boolean withMarkers) {
		this.text = text;
		this.withMarkers = withMarkers;
	}

	/** Tags and mentions between {@code start} and {@code end}, the rest as literals. */
	static List<Inline> tagsAndMentions(CharSequence text, int start, int end) {
		return new InlineScanner(text, false).scan(start, end);
	}

	/** Tags, mentions and style markers between {@code start} and {@code end}. */
	static List<Inline> all(CharSequence text, int start, int end) {
		return new InlineScanner(text, true).scan(start, end);
	}

	private List<Inline> scan(int start, int end) {
		this.literalStart = start;
		int i = start;
		while (i < end) {
			i = scanAt(i, end);
		}
		flushLiteral(end);
		return this.found;
	}

	private int scanAt(int i, int end) {
		char c = this.text.charAt(i);
		if (c == '#') {
			HashtagScanner.Match match = HashtagScanner.match(this.text, i, end);
			if (match != null) {
				return add(new Inline.Tag(i, match.end(), match.tag()), i, match.end());
			}
		}
		else if (c == '@') {
			int loginEnd = mentionEnd(i, end);
			if (loginEnd > i + 1) {
				String login = this.text.subSequence(i + 1, loginEnd).toString();
				int handleEnd = (loginEnd < end && this.text.charAt(loginEnd) == '@') ? hostEnd(loginEnd + 1, end) : loginEnd;
				if (handleEnd > loginEnd + 1) {
					return add(new Inline.RemoteMention(i, handleEnd, login,
							this.text.subSequence(loginEnd + 1, handleEnd).toString()), i, handleEnd);
				}
				return add(new Inline.Mention(i, loginEnd, login), i, loginEnd);
			}
		}
		else if (this.withMarkers && (c == '*' || c == '_')) {
			Inline.Marker marker = marker(i, c);
			if (marker.canOpen() || marker.canClose()) {
				return add(marker, i, i + 1);
			}
		}
		return i + 1;
	}

	/**
	 * A mention is {@code @} not preceded by a letter or digit, then {@code [A-Za-z0-9._-]+} not
	 * ending in a dot.
	 */
	private int mentionEnd(int at, int end) {
		if (at > 0 && Character.isLetterOrDigit(Character.codePointBefore(this.text, at))) {
			return at;
		}
		int p = at + 1;
		while (p < end && isLoginChar(this.text.charAt(p))) {
			p++;
		}
		while (p > at + 1 && this.text.charAt(p - 1) == '.') {
			p--;
		}
		return p;
	}

	/**
	 * The end of the host of a handle {@code @user@host}, or {@code at} when none starts there: labels of letters,
	 * digits and {@code -} (any script: an internationalised name is converted when resolved) joined by dots, not
	 * ending in a dot or a {@code -}, then a port {@code :1}–{@code :65535} if one is given.
	 */
	private int hostEnd(int at, int end) {
		int p = at;
		while (p < end && isHostChar(this.text.charAt(p), p == at)) {
			p++;
		}
		while (p > at && (this.text.charAt(p - 1) == '.' || this.text.charAt(p - 1) == '-')) {
			p--;
		}
		if (p == at) {
			return at;
		}
		int port = p + 1;
		while (port < end && port < p + 6 && this.text.charAt(port) >= '0' && this.text.charAt(port) <= '9') {
			port++;
		}
		boolean withPort = p < end && this.text.charAt(p) == ':' && port > p + 1
				&& (port == end || !Character.isLetterOrDigit(this.text.charAt(port)))
				&& Integer.parseInt(this.text, p + 1, port, 10) <= 65_535;
		return withPort ? port : p;
	}

	private static boolean isHostChar(char c, boolean first) {
		return Character.isLetterOrDigit(c) || (!first && (c == '.' || c == '-'));
	}

	/**
	 * A marker opens at the start of a word (after anything but a letter or digit, before a
	 * non-blank) and closes at its end, so {@code snake_case_word} and {@code 2*3*4} hold none.
	 */
	private Inline.Marker marker(int at, char c) {
		int before = (at > 0) ? Character.codePointBefore(this.text, at) : ' ';
		int after = (at + 1 < this.text.length()) ? Character.codePointAt(this.text, at + 1) : ' ';
		boolean canOpen = !Character.isLetterOrDigit(before) && !isBlank(after) && after != c;
		boolean canClose = !Character.isLetterOrDigit(after) && !isBlank(before) && before != c;
		return new Inline.Marker(at, c, canOpen, canClose);
	}

	private int add(Inline inline, int start, int end) {
		flushLiteral(start);
		this.found.add(inline);
		this.literalStart = end;
		return end;
	}

	private void flushLiteral(int end) {
		if (end > this.literalStart) {
			this.found.add(new Inline.Literal(this.literalStart, end));
		}
	}

	private static boolean isBlank(int c) {
		return Character.isWhitespace(c) || Character.isSpaceChar(c);
	}

	private static boolean isLoginChar(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_'
				|| c == '-';
	}

}
