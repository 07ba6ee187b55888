package org.veille.transfer.format;

import java.io.FilterReader;
import java.io.IOException;

import org.veille.transfer.format.ImportFormatException.Problem;

/**
 * Keeps an XML parser from holding more than {@link Limits#MAX_RUN_CHARS} characters at once: the JDK's parser
 * returns long text in pieces but a CDATA section, a comment or a tag whole. This reader counts the characters of
 * the construct being read (from the {@code <} of a tag, comment or CDATA section to its end, or a run of text) and
 * stops the reading beyond the limit.
 */
final class XmlRunGuard extends FilterReader {

	private enum State {

		TEXT, MARKUP, COMMENT, CDATA

	}

	private static final String COMMENT_OPEN = "<!--";

	private static final String CDATA_OPEN = "<![CDATA[";

	private final TextInput input;

	private State state = State.TEXT;

	private long run;

	/** How many characters of {@code <![CDATA[} or {@code <!--} were just seen, from the {@code <}. */
	private int opening;

	/** The last two characters seen, for the closings {@code -->} and {@code ]]>}. */
	private char previous;

	private char beforePrevious;

	XmlRunGuard(TextInput input) {
		super(input);
		this.input = input;
	}

	@Override
	public int read() throws IOException {
		int c = this.input.read();
		if (c >= 0) {
			see((char) c);
		}
		return c;
	}

	@Override
	public int read(char[] target, int offset, int length) throws IOException {
		int count = this.input.read(target, offset, length);
		for (int i = 0; i < count; i++) {
			see(target[offset + i]);
		}
		return count;
	}

	private void see(char c) throws ImportFailure {
		switch (this.state) {
			case TEXT -> {
				if (c == '<') {
					this.state = State.MARKUP;
					this.run = 0;
					this.opening = 1;
				}
			}
			case MARKUP -> markup(c);
			case COMMENT -> closeOn('-', c);
			case CDATA -> closeOn(']', c);
			default -> throw new IllegalStateException(this.state.name());
		}
		this.beforePrevious = this.previous;
		this.previous = c;
		if (++this.run > Limits.MAX_RUN_CHARS) {
			throw tooLarge();
		}
	}

	private void markup(char c) {
		if (this.opening > 0 && this.opening < CDATA_OPEN.length() && CDATA_OPEN.charAt(this.opening) == c) {
			this.opening++;
			if (this.opening == CDATA_OPEN.length()) {
				this.state = State.CDATA;
			}
			else if (this.opening == COMMENT_OPEN.length() && c == '-') {
				this.state = State.COMMENT;
			}
			return;
		}
		if (this.opening == 2 && c == '-') {
			this.opening = 3;
			return;
		}
		if (this.opening == 3 && c == '-') {
			this.state = State.COMMENT;
			this.opening = 0;
			return;
		}
		this.opening = 0;
		if (c == '>') {
			this.state = State.TEXT;
			this.run = 0;
		}
	}

	/** Ends a comment or CDATA section at {@code -->} or {@code ]]>}. */
	private void closeOn(char doubled, char c) {
		if (c == '>' && this.previous == doubled && this.beforePrevious == doubled) {
			this.state = State.TEXT;
			this.run = 0;
		}
	}

	private ImportFailure tooLarge() {
		String what = switch (this.state) {
			case TEXT -> "text";
			case MARKUP -> "a tag";
			case COMMENT -> "a comment";
			case CDATA -> "a CDATA section";
		};
		return new ImportFailure(ImportFormatException.at(Problem.TOO_LARGE, "more than " + Limits.MAX_RUN_CHARS
				+ " characters of " + what + " in one piece: no Seenthis export holds a message that long",
				this.input.line(), this.input.column()));
	}

}
