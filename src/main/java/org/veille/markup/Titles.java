package org.veille.markup;

/**
 * Finds a message's title: the first line with visible content, trimmed, without the quote marks
 * {@code ❝ ❞} and a leading {@code > }, with hashtags and mentions shown without their {@code #}
 * and {@code @} (a multilingual tag by its first label). Other markup is kept as typed. A title
 * longer than {@value #LENGTH} characters is cut at a word boundary and ends with {@code …}.
 */
final class Titles {

	static final int LENGTH = 100;

	private static final String DANGLING = ",;:.-–(";

	private Titles() {
	}

	static String of(String text) {
		String fallback = "";
		for (String line : text.split("\n")) {
			String trimmed = line.strip();
			if (trimmed.isEmpty()) {
				continue;
			}
			String title = plain(trimmed.replace("❝", "").replace("❞", "")).strip();
			if (!title.isEmpty()) {
				return cut(title);
			}
			if (fallback.isEmpty()) {
				fallback = trimmed;
			}
		}
		return cut(fallback);
	}

	private static String plain(String line) {
		StringBuilder title = new StringBuilder(line.length());
		for (Token token : Lexer.tokenize(line)) {
			if (token.kind() == Token.Kind.TEXT) {
				for (Inline inline : InlineScanner.tagsAndMentions(line, token.start(), token.end())) {
					if (inline instanceof Inline.Tag tag) {
						title.append(tag.tag().label(""));
					}
					else if (inline instanceof Inline.Mention mention) {
						title.append(mention.login());
					}
					else if (inline instanceof Inline.RemoteMention mention) {
						title.append(mention.handle());
					}
					else if (inline instanceof Inline.Literal literal) {
						title.append(line, literal.start(), literal.end());
					}
				}
			}
			else if (token.kind() != Token.Kind.QUOTE_LINE) {
				title.append(line, token.start(), token.end());
			}
		}
		return title.toString();
	}

	static String cut(String title) {
		if (title.codePointCount(0, title.length()) <= LENGTH) {
			return title;
		}
		int limit = title.offsetByCodePoints(0, LENGTH);
		int cut = limit;
		while (cut > limit / 2 && !Character.isWhitespace(title.charAt(cut))) {
			cut--;
		}
		if (cut <= limit / 2) {
			// one very long word: cut inside it, but not between a letter and its accent
			cut = limit;
			while (cut > 0 && Character.getType(title.codePointAt(cut)) == Character.NON_SPACING_MARK) {
				cut = title.offsetByCodePoints(cut, -1);
			}
		}
		String head = title.substring(0, cut).strip();
		while (!head.isEmpty() && DANGLING.indexOf(head.charAt(head.length() - 1)) >= 0) {
			head = head.substring(0, head.length() - 1).strip();
		}
		return head + "…";
	}

}
