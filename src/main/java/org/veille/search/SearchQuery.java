package org.veille.search;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.veille.link.NormalizedUrl;
import org.veille.link.UrlNormalizer;
import org.veille.markup.TagKeys;

/**
 * A search as typed (DESIGN §5), read into filters and a text part. {@code #tag} keeps threads carrying
 * the tag, {@code @login} threads started by that person, a URL threads citing that page (compared on the
 * normalized key, as links are stored). What remains (words, "quoted phrases", {@code -word}, {@code or})
 * is the text part, handed to PostgreSQL's {@code websearch_to_tsquery}, which reads that syntax and never
 * fails on any input: the user's text is never parsed as a tsquery.
 */
record SearchQuery(String raw, String text, List<String> tagKeys, List<String> logins, List<String> urlKeys) {

	/** Longer queries are refused with a message rather than cut silently. */
	static final int MAX_LENGTH = 500;

	/** At most this many filters of each kind are applied; further ones are ignored. */
	static final int MAX_FILTERS = 5;

	static SearchQuery parse(@Nullable String input) {
		String raw = (input != null) ? input.strip() : "";
		if (raw.length() > MAX_LENGTH) {
			throw new QueryTooLongException(raw);
		}
		StringBuilder text = new StringBuilder();
		List<String> tags = new ArrayList<>();
		List<String> logins = new ArrayList<>();
		List<String> urls = new ArrayList<>();
		int i = 0;
		while (i < raw.length()) {
			char c = raw.charAt(i);
			if (Character.isWhitespace(c)) {
				i++;
				continue;
			}
			if (c == '"') {
				int end = raw.indexOf('"', i + 1);
				String phrase = raw.substring(i + 1, (end < 0) ? raw.length() : end);
				append(text, "\"" + phrase.replace('"', ' ') + "\"");
				i = (end < 0) ? raw.length() : end + 1;
				continue;
			}
			int end = i;
			while (end < raw.length() && !Character.isWhitespace(raw.charAt(end))) {
				end++;
			}
			String word = raw.substring(i, end);
			i = end;
			if (word.length() > 1 && word.charAt(0) == '#') {
				add(tags, TagKeys.fold(word.substring(1)));
			}
			else if (word.length() > 1 && word.charAt(0) == '@') {
				add(logins, word.substring(1));
			}
			else if (looksLikeUrl(word)) {
				UrlNormalizer.normalize(word).map(NormalizedUrl::key).ifPresent((key) -> add(urls, key));
			}
			else {
				append(text, word.replace('"', ' '));
			}
		}
		return new SearchQuery(raw, text.toString(), List.copyOf(tags), List.copyOf(logins), List.copyOf(urls));
	}

	/** Whether the text part holds something to look for (not only operators and punctuation). */
	boolean hasText() {
		for (String word : this.text.split("[\\s\"]+")) {
			if (!word.equalsIgnoreCase("or") && word.codePoints().anyMatch(Character::isLetterOrDigit)) {
				return true;
			}
		}
		return false;
	}

	boolean hasFilters() {
		return !this.tagKeys.isEmpty() || !this.logins.isEmpty() || !this.urlKeys.isEmpty();
	}

	boolean isEmpty() {
		return !hasText() && !hasFilters();
	}

	/** The single word typed, folded as a tag key, for proposing tags that start with it; null otherwise. */
	@Nullable String tagPrefix() {
		if (hasFilters() || this.text.isBlank() || this.text.contains(" ") || this.text.contains("\"")) {
			return null;
		}
		String word = this.text.startsWith("-") ? "" : TagKeys.fold(this.text);
		return word.isEmpty() ? null : word;
	}

	private static boolean looksLikeUrl(String word) {
		String lower = word.toLowerCase(java.util.Locale.ROOT);
		return (lower.startsWith("http://") || lower.startsWith("https://")) && word.length() > 8;
	}

	private static void add(List<String> filters, String value) {
		if (!value.isEmpty() && filters.size() < MAX_FILTERS && !filters.contains(value)) {
			filters.add(value);
		}
	}

	private static void append(StringBuilder text, String part) {
		if (text.length() > 0) {
			text.append(' ');
		}
		text.append(part);
	}

	/** A query over {@link #MAX_LENGTH} characters. */
	static final class QueryTooLongException extends RuntimeException {

		private final String query;

		QueryTooLongException(String query) {
			super("A search holds at most " + MAX_LENGTH + " characters.");
			this.query = query;
		}

		String query() {
			return this.query;
		}

	}

}
