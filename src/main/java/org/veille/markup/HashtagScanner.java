package org.veille.markup;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Reads hashtags (DESIGN §3). A tag body is made of letters of any script, combining marks,
 * digits and {@code _ ' ‘ ’ & + ° – • · ⋅}; it holds at least one letter or digit, so
 * {@code #123} is a tag but {@code #_} is not. The joiners {@code - . / @} are taken only between
 * two such characters, so a tag never starts or ends with one and never holds two in a row
 * ({@code #a--b} is {@code a}): a key can thus never hold a {@code .} or {@code ..} path segment.
 * A balanced parenthesised group following the body is part of it ({@code #Données_(RGPD)}).
 * The multilingual form is {@code #[fr]label[en]label}, with language codes such as {@code fr}
 * or {@code pt-BR}; a language given twice keeps its first label.
 */
final class HashtagScanner {

	private static final String BODY_PUNCTUATION = "_'‘’&+°–•·⋅";

	private static final String JOINERS = "-./@";

	private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})?\\]");

	private static final int LONGEST_LANGUAGE = 13;

	private HashtagScanner() {
	}

	/** A hashtag found in a text, and where it ends. */
	record Match(int end, Hashtag tag) {
	}

	/** The hashtag whose {@code #} is at {@code hash}, read no further than {@code limit}. */
	static @Nullable Match match(CharSequence text, int hash, int limit) {
		int start = hash + 1;
		if (start < limit && text.charAt(start) == '[') {
			Variants variants = variants(text, start, limit);
			if (variants.labels().isEmpty()) {
				return null;
			}
			String display = text.subSequence(start, variants.end()).toString();
			return new Match(variants.end(), new Hashtag(display, TagKeys.fold(display), variants.labels()));
		}
		int end = bodyEnd(text, start, limit);
		if (end == start) {
			return null;
		}
		String display = text.subSequence(start, end).toString();
		return new Match(end, new Hashtag(display, TagKeys.fold(display), Map.of()));
	}

	/** The language variants of a display form, empty unless it is wholly a multilingual form. */
	static Map<String, String> variantsOf(String display) {
		if (!display.startsWith("[")) {
			return Map.of();
		}
		Variants variants = variants(display, 0, display.length());
		return (variants.end() == display.length()) ? variants.labels() : Map.of();
	}

	private record Variants(Map<String, String> labels, int end) {
	}

	private static Variants variants(CharSequence text, int start, int limit) {
		Map<String, String> labels = new LinkedHashMap<>();
		int end = start;
		while (end < limit && text.charAt(end) == '[') {
			Matcher language = LANGUAGE.matcher(text).region(end + 1, Math.min(limit, end + 1 + LONGEST_LANGUAGE));
			if (!language.lookingAt()) {
				break;
			}
			int labelStart = language.end();
			int labelEnd = bodyEnd(text, labelStart, limit);
			if (labelEnd == labelStart) {
				break;
			}
			labels.putIfAbsent(text.subSequence(end + 1, labelStart - 1).toString().toLowerCase(Locale.ROOT),
					text.subSequence(labelStart, labelEnd).toString());
			end = labelEnd;
		}
		return new Variants(labels, end);
	}

	/** The end of the tag body starting at {@code start}, or {@code start} if there is none. */
	static int bodyEnd(CharSequence text, int start, int limit) {
		int end = start;
		int p = start;
		while (p < limit) {
			int c = Character.codePointAt(text, p);
			if (isBodyChar(c)) {
				p += Character.charCount(c);
				end = p;
			}
			else if (p > start && isJoiner(c) && isBodyCharAt(text, p + 1, limit)) {
				p++;
			}
			else if (p > start && c == '(') {
				p = groupEnd(text, p, limit);
				if (p < 0) {
					break;
				}
				end = p;
			}
			else {
				break;
			}
		}
		return hasLetterOrDigit(text, start, end) ? end : start;
	}

	/** The end of the balanced group opening at {@code open}, or -1 if it is not one. */
	private static int groupEnd(CharSequence text, int open, int limit) {
		int depth = 0;
		int previous = '(';
		int p = open;
		while (p < limit) {
			int c = Character.codePointAt(text, p);
			if (c == '(') {
				depth++;
			}
			else if (c == ')') {
				if (previous == '(') {
					return -1;
				}
				depth--;
				if (depth == 0) {
					return p + 1;
				}
			}
			else if (isJoiner(c)) {
				boolean between = (isBodyChar(previous) || previous == ')') && isBodyCharAt(text, p + 1, limit);
				if (!between) {
					return -1;
				}
			}
			else if (!isBodyChar(c)) {
				return -1;
			}
			previous = c;
			p += Character.charCount(c);
		}
		return -1;
	}

	static boolean isBodyChar(int c) {
		return Character.isLetterOrDigit(c) || Unicode.isMark(c) || BODY_PUNCTUATION.indexOf(c) >= 0;
	}

	private static boolean isBodyCharAt(CharSequence text, int p, int limit) {
		return p < limit && isBodyChar(Character.codePointAt(text, p));
	}

	private static boolean isJoiner(int c) {
		return JOINERS.indexOf(c) >= 0;
	}

	private static boolean hasLetterOrDigit(CharSequence text, int start, int end) {
		return text.subSequence(start, end).codePoints().anyMatch(Character::isLetterOrDigit);
	}

}
