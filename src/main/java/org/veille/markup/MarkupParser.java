package org.veille.markup;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads what a message says (DESIGN §3): its title, hashtags, URLs and mentions. The work is
 * linear in the length of the text, whatever the text. Choices where the design is silent:
 * <ul>
 * <li>nothing inside code or a URL is a tag or a mention, and URLs inside code are not
 * collected; inline code does not span lines, and an unclosed fence runs to the end;</li>
 * <li>a tag body holds at least one letter or digit, so {@code #123} is a tag and {@code #_} is
 * not; the joiners {@code - . / @} stand only between two body characters ({@code #a--b} is
 * {@code a}, {@code #a/../b} is {@code a}); a parenthesised group must follow a body character
 * and not be empty;</li>
 * <li>the title drops ❝, ❞ and a leading {@code > }, shows a multilingual tag by its first
 * label, skips lines left empty by that, and keeps other markup as typed;</li>
 * <li>mentions are distinct as typed, case included.</li>
 * </ul>
 */
public final class MarkupParser {

	private MarkupParser() {
	}

	public static ParsedMessage parse(String rawText) {
		String text = normalize(rawText);
		List<Hashtag> tags = new ArrayList<>();
		Set<String> keys = new HashSet<>();
		Set<String> urls = new LinkedHashSet<>();
		Set<String> mentions = new LinkedHashSet<>();
		Set<String> remoteMentions = new LinkedHashSet<>();
		for (Token token : Lexer.tokenize(text)) {
			if (token.kind() == Token.Kind.URL) {
				urls.add(UrlCleaner.clean(text.substring(token.start(), token.end())));
			}
			else if (token.kind() == Token.Kind.TEXT) {
				for (Inline inline : InlineScanner.tagsAndMentions(text, token.start(), token.end())) {
					if (inline instanceof Inline.Tag tag && fileUnderNewKeys(tag.tag(), keys)) {
						tags.add(tag.tag());
					}
					else if (inline instanceof Inline.Mention mention) {
						mentions.add(mention.login());
					}
					else if (inline instanceof Inline.RemoteMention mention) {
						remoteMentions.add(mention.handle());
					}
				}
			}
		}
		return new ParsedMessage(text, Titles.of(text), tags, List.copyOf(urls), List.copyOf(mentions),
				List.copyOf(remoteMentions));
	}

	/** Whether the tag files the message under a key that the tags before it did not: else it is left out. */
	private static boolean fileUnderNewKeys(Hashtag tag, Set<String> keys) {
		boolean added = false;
		for (Hashtag filed : tag.filedUnder()) {
			added |= keys.add(filed.key());
		}
		return added;
	}

	/**
	 * The text as stored: {@code \r\n} and {@code \r} turned into {@code \n}, Unicode in NFC (see
	 * {@link Unicode#nfc}), and the invisible control characters other than tab and newline dropped
	 * (PostgreSQL cannot store NUL, and none of them can be typed on purpose).
	 */
	public static String normalize(String text) {
		if (!hasLineOrControlToChange(text) && Unicode.isNfc(text)) {
			// A stored text is already normal and is read far more often than written: a tag page's first render
			// normalized each card's text twice, a copy each time (issue 16).
			return text;
		}
		StringBuilder kept = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\r') {
				// \r\n is one newline, the \n that follows; a lone \r is one.
				if (i + 1 == text.length() || text.charAt(i + 1) != '\n') {
					kept.append('\n');
				}
			}
			else if (!isInvisibleControl(c)) {
				kept.append(c);
			}
		}
		return Unicode.nfc(kept);
	}

	private static boolean hasLineOrControlToChange(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\r' || isInvisibleControl(c)) {
				return true;
			}
		}
		return false;
	}

	/** A control character other than tab, newline and carriage return (which becomes a newline): dropped. */
	private static boolean isInvisibleControl(char c) {
		return (c < ' ' && c != '\t' && c != '\n' && c != '\r') || c == '\u007F';
	}

}
