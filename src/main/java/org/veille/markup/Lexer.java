package org.veille.markup;

import java.util.ArrayList;
import java.util.List;

import org.veille.markup.Token.Kind;

/**
 * Cuts a normalised text into {@link Token tokens}: code first, then URLs, quote marks and line
 * breaks; what remains is text. Code and URLs come first so that nothing inside them is taken for
 * a tag, a mention or a style. Every position is looked at a bounded number of times.
 */
final class Lexer {

	private static final int FENCE_LENGTH = 3;

	private final CharSequence text;

	private final List<Token> tokens = new ArrayList<>();

	private int textStart;

	private int lineEnd = -1;

	private final BacktickRuns codeRuns;

	private Lexer(CharSequence text) {
		this.text = text;
		this.codeRuns = new BacktickRuns(text);
	}

	static List<Token> tokenize(CharSequence text) {
		return new Lexer(text).run();
	}

	private List<Token> run() {
		int i = 0;
		while (i < this.text.length()) {
			i = lexAt(i);
		}
		flushText(this.text.length());
		return this.tokens;
	}

	/** Emits what starts at {@code i}, if anything, and returns where to go on. */
	private int lexAt(int i) {
		if (i == 0 || this.text.charAt(i - 1) == '\n') {
			int end = (this.text.charAt(i) == '>') ? quoteLine(i) : fence(i);
			if (end > i) {
				return end;
			}
		}
		return switch (this.text.charAt(i)) {
			case '\n' -> emit(new Token(Kind.NEWLINE, i, i + 1));
			case '❝' -> emit(new Token(Kind.QUOTE_OPEN, i, i + 1));
			case '❞' -> emit(new Token(Kind.QUOTE_CLOSE, i, i + 1));
			case '`' -> code(i);
			case 'h', 'H' -> url(i);
			default -> i + 1;
		};
	}

	private int quoteLine(int i) {
		int next = i + 1;
		if (next == this.text.length() || this.text.charAt(next) == '\n') {
			return emit(new Token(Kind.QUOTE_LINE, i, next));
		}
		return (this.text.charAt(next) == ' ') ? emit(new Token(Kind.QUOTE_LINE, i, next + 1)) : i;
	}

	/**
	 * A fence opens with a line starting with three backticks (after optional blanks) and no
	 * other backtick, and closes with a line of at least as many backticks; unclosed, it runs to
	 * the end of the text. What follows the opening backticks (a language name) is not shown.
	 */
	private int fence(int i) {
		int open = skipBlanks(i);
		int run = backtickRun(open);
		int lineEnd = lineEnd(open);
		if (run < FENCE_LENGTH || backtickBetween(open + run, lineEnd) >= 0) {
			return i;
		}
		int contentStart = Math.min(lineEnd + 1, this.text.length());
		for (int line = contentStart; line < this.text.length(); line = lineEnd(line) + 1) {
			if (closesFence(line, run)) {
				int contentEnd = Math.max(contentStart, line - 1);
				return emit(new Token(Kind.FENCE, i, lineEnd(line), contentStart, contentEnd));
			}
		}
		return emit(new Token(Kind.FENCE, i, this.text.length(), contentStart, this.text.length()));
	}

	private boolean closesFence(int line, int openingRun) {
		int close = skipBlanks(line);
		int run = backtickRun(close);
		return run >= openingRun && skipBlanks(close + run) == lineEnd(line);
	}

	/**
	 * Inline code: a run of backticks up to the next run of the same length on the same line.
	 * An unmatched run is plain text.
	 */
	private int code(int i) {
		int run = backtickRun(i);
		int next = this.codeRuns.nextOfSameLength(i, lineEnd(i));
		if (next < 0) {
			return i + run;
		}
		return emit(new Token(Kind.CODE, i, next + run, i + run, next));
	}

	private int url(int i) {
		int end = Urls.end(this.text, i);
		return (end > i) ? emit(new Token(Kind.URL, i, end)) : i + 1;
	}

	private int emit(Token token) {
		flushText(token.start());
		this.tokens.add(token);
		this.textStart = token.end();
		return token.end();
	}

	private void flushText(int end) {
		if (end > this.textStart) {
			this.tokens.add(new Token(Kind.TEXT, this.textStart, end));
		}
	}

	private int skipBlanks(int i) {
		int p = i;
		while (p < this.text.length() && (this.text.charAt(p) == ' ' || this.text.charAt(p) == '\t')) {
			p++;
		}
		return p;
	}

	private int backtickRun(int i) {
		int p = i;
		while (p < this.text.length() && this.text.charAt(p) == '`') {
			p++;
		}
		return p - i;
	}

	private int backtickBetween(int start, int end) {
		for (int p = start; p < end; p++) {
			if (this.text.charAt(p) == '`') {
				return p;
			}
		}
		return -1;
	}

	/** The end of the line holding {@code i}; positions asked for never go back. */
	private int lineEnd(int i) {
		if (i > this.lineEnd) {
			int end = i;
			while (end < this.text.length() && this.text.charAt(end) != '\n') {
				end++;
			}
			this.lineEnd = end;
		}
		return this.lineEnd;
	}

}
