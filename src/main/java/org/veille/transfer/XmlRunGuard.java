package org.veille.transfer;

import java.io.FilterReader;
import java.io.IOException;

import org.veille.transfer.ImportFormatException.Problem;

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

	/** The last characters seen, enough to recognise the longest opening or closing. */
	private final StringBuilder recent = new StringBuilder(CDATA_OPEN.length());

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
		remember(c);
		switch (this.state) {
			case TEXT -> {
				if (c == '<') {
					this.state = State.MARKUP;
					this.run = 0;
				}
			}
			case MARKUP -> {
				if (endsWith(CDATA_OPEN)) {
					this.state = State.CDATA;
				}
				else if (endsWith(COMMENT_OPEN)) {
					this.state = State.COMMENT;
				}
				else if (c == '>') {
					this.state = State.TEXT;
					this.run = 0;
				}
			}
			case COMMENT -> {
				if (endsWith("-->")) {
					this.state = State.TEXT;
					this.run = 0;
				}
			}
			case CDATA -> {
				if (endsWith("]]>")) {
					this.state = State.TEXT;
					this.run = 0;
				}
			}
			default -> throw new IllegalStateException(this.state.name());
		}
		if (++this.run > Limits.MAX_RUN_CHARS) {
			String what = switch (this.state) {
				case TEXT -> "text";
				case MARKUP -> "a tag";
				case COMMENT -> "a comment";
				case CDATA -> "a CDATA section";
			};
			throw new ImportFailure(ImportFormatException.at(Problem.TOO_LARGE, "more than " + Limits.MAX_RUN_CHARS
					+ " characters of " + what + " in one piece: no Seenthis export holds a message that long",
					this.input.line(), this.input.column()));
		}
	}

	private void remember(char c) {
		if (this.recent.length() == CDATA_OPEN.length()) {
			this.recent.deleteCharAt(0);
		}
		this.recent.append(c);
	}

	private boolean endsWith(String marker) {
		int length = this.recent.length();
		return length >= marker.length() && this.recent.indexOf(marker, length - marker.length()) >= 0;
	}

}
