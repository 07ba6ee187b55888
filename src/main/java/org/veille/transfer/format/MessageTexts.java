package org.veille.transfer.format;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.veille.markup.MarkupParser;

/**
 * Writes a bookmark as a Veille message, the way a person posts a link: the title line, the URL, the description as
 * a quote, then the tags as hashtags.
 *
 * <pre>
 * Title of the page
 * https://example.org/page
 *
 * ❝The description,
 * on as many lines as it has.❞
 *
 * #tag #other_tag
 * </pre>
 *
 * The title and the description are someone's words, not markup: a {@code #} or {@code @} in them that would start a
 * hashtag or a mention gets an invisible WORD JOINER (U+2060) after it, so {@code Issue #42} stays text and tags the
 * message with nothing; {@code ❝ ❞} in them become {@code “ ”} so that the quote holds; a line starting with three
 * backticks gets a WORD JOINER before them, so that it opens no code block that would swallow the hashtags. URLs in
 * them are left untouched.
 */
final class MessageTexts {

	static final char WORD_JOINER = '\u2060';

	private MessageTexts() {
	}

	static String compose(@Nullable String url, String title, @Nullable String description, List<String> hashtags) {
		// Escaped as the parser will see the stored text: g followed by a combining accent is one letter
		// once in NFC, which changes what a URL may follow.
		StringBuilder text = new StringBuilder();
		String titleLine = MarkupParser.normalize(title).strip().replaceAll("\\s+", " ");
		if (!titleLine.isEmpty() && !titleLine.equals(url)) {
			text.append(asWords(titleLine)).append('\n');
		}
		if (url != null) {
			text.append(url).append('\n');
		}
		if (description != null && !description.isBlank()) {
			String quote = MarkupParser.normalize(description).strip().replace('\u275D', '\u201C').replace('\u275E', '\u201D');
			text.append('\n').append('\u275D').append(asWords(quote)).append('\u275E').append('\n');
		}
		if (!hashtags.isEmpty()) {
			text.append('\n');
			for (String hashtag : hashtags) {
				text.append('#').append(hashtag).append(' ');
			}
		}
		return text.toString().strip();
	}

	static String composeNote(String title, @Nullable String note, List<String> hashtags) {
		StringBuilder text = new StringBuilder();
		String titleLine = MarkupParser.normalize(title).strip().replaceAll("\\s+", " ");
		if (!titleLine.isEmpty()) {
			text.append(asWords(titleLine)).append("\n\n");
		}
		if (note != null && !note.isBlank()) {
			text.append(asWords(MarkupParser.normalize(note).strip())).append("\n\n");
		}
		for (String hashtag : hashtags) {
			text.append('#').append(hashtag).append(' ');
		}
		return text.toString().strip();
	}

	/**
	 * {@code text} with nothing in it read as a hashtag, a mention or a code fence, URLs left as they are.
	 */
	static String asWords(String text) {
		StringBuilder words = new StringBuilder(text.length() + 8);
		boolean lineStart = true;
		for (int i = 0; i < text.length();) {
			int urlEnd = urlEnd(text, i);
			if (urlEnd > i) {
				words.append(text, i, urlEnd);
				i = urlEnd;
				lineStart = false;
				continue;
			}
			char c = text.charAt(i);
			if (lineStart && text.startsWith("```", skipBlanks(text, i))) {
				int fence = skipBlanks(text, i);
				words.append(text, i, fence).append(WORD_JOINER);
				i = fence;
				lineStart = false;
				continue;
			}
			words.append(c);
			i++;
			if (c == '#' && i < text.length() && text.charAt(i) != WORD_JOINER && startsTagBody(text, i)) {
				words.append(WORD_JOINER);
			}
			else if (c == '@' && startsMention(text, i - 1)) {
				words.append(WORD_JOINER);
			}
			lineStart = c == '\n';
		}
		return words.toString();
	}

	private static boolean startsTagBody(String text, int at) {
		int c = text.codePointAt(at);
		int type = Character.getType(c);
		return c == '[' || c == '(' || Character.isLetterOrDigit(c) || type == Character.NON_SPACING_MARK
				|| type == Character.COMBINING_SPACING_MARK || type == Character.ENCLOSING_MARK
				|| "_'\u2018\u2019&+\u00B0\u2013\u2022\u00B7\u22C5".indexOf(c) >= 0;
	}

	private static boolean startsMention(String text, int at) {
		boolean afterWord = at > 0 && Character.isLetterOrDigit(text.codePointBefore(at));
		int next = at + 1;
		return !afterWord && next < text.length() && isLoginChar(text.charAt(next));
	}

	private static boolean isLoginChar(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_'
				|| c == '-';
	}

	/**
	 * The end of an http or https URL starting at {@code i}, or {@code i}: the longest run the message parser could
	 * take for one (it gives back trailing punctuation, never a {@code #} or {@code @}).
	 */
	private static int urlEnd(String text, int i) {
		char c = text.charAt(i);
		if ((c != 'h' && c != 'H') || (i > 0 && Character.isLetterOrDigit(text.codePointBefore(i)))) {
			return i;
		}
		String head = text.substring(i, Math.min(text.length(), i + 8)).toLowerCase(Locale.ROOT);
		int hostStart = head.startsWith("https://") ? i + 8 : head.startsWith("http://") ? i + 7 : i;
		if (hostStart == i || hostStart >= text.length()) {
			return i;
		}
		char host = text.charAt(hostStart);
		if (!Character.isLetterOrDigit(host) && host != '[') {
			return i;
		}
		int end = hostStart;
		while (end < text.length() && isUrlChar(text.charAt(end))) {
			end++;
		}
		return end;
	}

	private static boolean isUrlChar(char c) {
		return !Character.isWhitespace(c) && !Character.isSpaceChar(c) && !Character.isISOControl(c)
				&& "<>\"`\u275D\u275E".indexOf(c) < 0;
	}

	private static int skipBlanks(String text, int i) {
		int p = i;
		while (p < text.length() && (text.charAt(p) == ' ' || text.charAt(p) == '\t')) {
			p++;
		}
		return p;
	}

}
