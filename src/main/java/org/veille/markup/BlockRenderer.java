package org.veille.markup;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.veille.markup.Token.Kind;

/**
 * Lays tokens out in blocks: paragraphs (a blank line between them, a single newline is a
 * {@code <br>}), blockquotes and code blocks. A quote opened by ❝ lasts until its ❞ or the end of
 * the text and may hold several paragraphs; quoted lines ({@code > }) last until a line without
 * the mark, which also closes any ❝ opened inside them. A ❞ without a ❝ is shown as text.
 */
final class BlockRenderer {

	// deeper quotes are still matched, but not nested further in the HTML
	private static final int DEEPEST_QUOTE = 8;

	private final String text;

	private final RenderOptions options;

	private final StringBuilder html = new StringBuilder();

	private final Deque<Quote> quotes = new ArrayDeque<>();

	private final Map<Quote.Style, Integer> openQuotes = new EnumMap<>(Quote.Style.class);

	private int shownQuotes;

	private final List<Token> paragraph = new ArrayList<>();

	private final Set<String> linkedTags = new LinkedHashSet<>();

	private int newlines;

	private boolean lineStart = true;

	private BlockRenderer(String text, RenderOptions options) {
		this.text = text;
		this.options = options;
	}

	static RenderedMessage render(String text, RenderOptions options) {
		BlockRenderer renderer = new BlockRenderer(text, options);
		Lexer.tokenize(text).forEach(renderer::accept);
		renderer.closeParagraph();
		while (!renderer.quotes.isEmpty()) {
			renderer.closeQuote();
		}
		return new RenderedMessage(renderer.html.toString(), renderer.linkedTags);
	}

	private void accept(Token token) {
		if (this.lineStart && token.kind() != Kind.QUOTE_LINE && isQuoted(Quote.Style.LINES)) {
			closeQuotesUpTo(Quote.Style.LINES);
		}
		this.lineStart = token.kind() == Kind.NEWLINE;
		switch (token.kind()) {
			case NEWLINE -> newline();
			case QUOTE_LINE -> {
				if (!isQuoted(Quote.Style.LINES)) {
					openQuote(Quote.Style.LINES);
				}
			}
			case QUOTE_OPEN -> openQuote(Quote.Style.MARKS);
			case QUOTE_CLOSE -> {
				if (isQuoted(Quote.Style.MARKS)) {
					closeQuotesUpTo(Quote.Style.MARKS);
				}
				else {
					content(new Token(Kind.TEXT, token.start(), token.end()));
				}
			}
			case FENCE -> fence(token);
			default -> content(token);
		}
	}

	private void newline() {
		if (!this.paragraph.isEmpty()) {
			trimParagraphEnd();
			this.newlines++;
		}
	}

	private void content(Token token) {
		Token piece = token;
		if (token.kind() == Kind.TEXT && (this.paragraph.isEmpty() || this.newlines > 0)) {
			int start = token.start();
			while (start < token.end() && Character.isWhitespace(this.text.charAt(start))) {
				start++;
			}
			if (start == token.end()) {
				return;
			}
			piece = new Token(Kind.TEXT, start, token.end());
		}
		if (this.newlines > 1) {
			closeParagraph();
		}
		else if (this.newlines == 1) {
			this.paragraph.add(new Token(Kind.NEWLINE, token.start(), token.start()));
		}
		this.newlines = 0;
		this.paragraph.add(piece);
	}

	private void fence(Token token) {
		closeParagraph();
		this.html.append("<pre><code>");
		Html.escape(this.text, token.contentStart(), token.contentEnd(), this.html);
		this.html.append("</code></pre>");
	}

	private void closeParagraph() {
		if (!this.paragraph.isEmpty()) {
			trimParagraphEnd();
			this.html.append("<p>");
			InlineRenderer.render(this.text, this.paragraph, this.options, this.html, this.linkedTags);
			this.html.append("</p>");
			this.paragraph.clear();
		}
		this.newlines = 0;
	}

	/** Drops the blanks that end the paragraph's last line. */
	private void trimParagraphEnd() {
		Token last = this.paragraph.get(this.paragraph.size() - 1);
		if (last.kind() != Kind.TEXT) {
			return;
		}
		int end = last.end();
		while (end > last.start() && Character.isWhitespace(this.text.charAt(end - 1))) {
			end--;
		}
		this.paragraph.set(this.paragraph.size() - 1, new Token(Kind.TEXT, last.start(), end));
	}

	private void openQuote(Quote.Style style) {
		closeParagraph();
		Quote quote = new Quote(style, this.shownQuotes < DEEPEST_QUOTE);
		this.quotes.push(quote);
		this.openQuotes.merge(style, 1, Integer::sum);
		if (quote.shown()) {
			this.shownQuotes++;
			this.html.append("<blockquote>");
		}
	}

	private void closeQuotesUpTo(Quote.Style style) {
		closeParagraph();
		Quote closed;
		do {
			closed = closeQuote();
		}
		while (closed.style() != style);
	}

	private Quote closeQuote() {
		closeParagraph();
		Quote quote = this.quotes.pop();
		this.openQuotes.merge(quote.style(), -1, Integer::sum);
		if (quote.shown()) {
			this.shownQuotes--;
			this.html.append("</blockquote>");
		}
		return quote;
	}

	private boolean isQuoted(Quote.Style style) {
		return this.openQuotes.getOrDefault(style, 0) > 0;
	}

	private record Quote(Style style, boolean shown) {

		/** Opened by ❝, or by {@code > } at the start of lines. */
		enum Style {

			MARKS, LINES

		}

	}

}
