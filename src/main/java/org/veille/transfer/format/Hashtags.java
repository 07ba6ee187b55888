package org.veille.transfer.format;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.veille.markup.Hashtag;
import org.veille.markup.MarkupParser;
import org.veille.markup.ParsedMessage;
import org.veille.markup.Unicode;

/**
 * Turns the tags of other services into Veille hashtags (DESIGN §3). A tag that already is a whole hashtag body
 * stays as it is. Otherwise its blanks and the characters a hashtag cannot hold become word separators, joined by
 * {@code _} ({@code web design} gives {@code web_design}, {@code linkding:archived} gives
 * {@code linkding_archived}, {@code C#} gives {@code C}); the joiners {@code - . / @} are kept only between two
 * body characters ({@code node.js} stays, {@code .private} gives {@code private}); parentheses are kept when they
 * make a valid group ({@code Données (RGPD)} gives {@code Données_(RGPD)}). Every result is checked with
 * {@link MarkupParser}, so the text {@code #body} always reads back as exactly that tag. A tag with no letter or
 * digit has no hashtag.
 */
final class Hashtags {

	private static final String BODY_PUNCTUATION = "_'\u2018\u2019&+\u00B0\u2013\u2022\u00B7\u22C5";

	private static final String JOINERS = "-./@";

	private Hashtags() {
	}

	/** The hashtag body of {@code tag} (without {@code #}), or null if it cannot be one. */
	static @Nullable String bodyOf(String tag) {
		String text = Unicode.nfc(tag).strip();
		int start = 0;
		while (start < text.length() && (text.charAt(start) == '#' || Character.isWhitespace(text.charAt(start)))) {
			start++;
		}
		text = text.substring(start);
		if (text.isEmpty()) {
			return null;
		}
		if (isPlainBody(text) || isWholeTag(text)) {
			return text;
		}
		String withGroups = joinWords(text, true);
		if (!withGroups.isEmpty() && isWholeTag(withGroups)) {
			return withGroups;
		}
		String plain = joinWords(text, false);
		return (!plain.isEmpty() && isWholeTag(plain)) ? plain : null;
	}

	/**
	 * The tags that can be hashtags, in order, each kept when it files a message under a key that those before it
	 * did not, as the parser keeps hashtags: {@code Web design} and {@code web_design} are one tag, and
	 * {@code [en]Label[fr]Étiquette} makes {@code étiquette} after it one too.
	 */
	static List<String> distinct(List<String> tags) {
		Set<String> keys = new HashSet<>();
		List<String> kept = new ArrayList<>(tags.size());
		for (String tag : tags) {
			String body = bodyOf(tag);
			if (body != null) {
				boolean newKey = false;
				for (Hashtag filed : Hashtag.of(body).filedUnder()) {
					newKey |= keys.add(filed.key());
				}
				if (newKey) {
					kept.add(tag.strip());
				}
			}
		}
		return List.copyOf(kept);
	}

	/** The hashtag bodies of {@code tags}, those that have one, in order. */
	static List<String> bodiesOf(List<String> tags) {
		List<String> bodies = new ArrayList<>(tags.size());
		for (String tag : tags) {
			String body = bodyOf(tag);
			if (body != null) {
				bodies.add(body);
			}
		}
		return bodies;
	}

	/**
	 * Whether {@code text} is made of body characters only, with a letter or digit: then it is a whole tag (no
	 * {@code [}, {@code :} or joiner that the parser could read otherwise), and checking it costs no parsing.
	 */
	private static boolean isPlainBody(String text) {
		boolean letterOrDigit = false;
		for (int i = 0; i < text.length();) {
			int c = text.codePointAt(i);
			if (!isBodyChar(c)) {
				return false;
			}
			letterOrDigit |= Character.isLetterOrDigit(c);
			i += Character.charCount(c);
		}
		return letterOrDigit;
	}

	private static boolean isWholeTag(String body) {
		ParsedMessage parsed = MarkupParser.parse("#" + body);
		if (parsed.tags().size() != 1) {
			return false;
		}
		Hashtag tag = parsed.tags().get(0);
		return tag.display().equals(body) && parsed.urls().isEmpty() && parsed.mentions().isEmpty();
	}

	/**
	 * The runs of characters a hashtag may hold, joined by {@code _}, with joiners kept only between two body
	 * characters.
	 */
	private static String joinWords(String text, boolean keepParentheses) {
		StringBuilder body = new StringBuilder(text.length());
		boolean separated = false;
		for (int i = 0; i < text.length();) {
			int c = text.codePointAt(i);
			i += Character.charCount(c);
			if (isBodyChar(c) || (keepParentheses && (c == '(' || c == ')'))) {
				if (separated && body.length() > 0 && !endsWithJoiner(body)) {
					body.append('_');
				}
				separated = false;
				body.appendCodePoint(c);
			}
			else if (JOINERS.indexOf(c) >= 0 && !separated && body.length() > 0 && !endsWithJoiner(body)
					&& i < text.length() && isBodyChar(text.codePointAt(i))) {
				body.append((char) c);
			}
			else {
				separated = true;
			}
		}
		return body.toString();
	}

	private static boolean endsWithJoiner(StringBuilder body) {
		return JOINERS.indexOf(body.charAt(body.length() - 1)) >= 0;
	}

	private static boolean isBodyChar(int c) {
		int type = Character.getType(c);
		return Character.isLetterOrDigit(c) || type == Character.NON_SPACING_MARK
				|| type == Character.COMBINING_SPACING_MARK || type == Character.ENCLOSING_MARK
				|| BODY_PUNCTUATION.indexOf(c) >= 0;
	}

}
