package org.veille.markup;

/**
 * A piece of message text found by the {@link Lexer}: {@code start} and {@code end} bound the
 * whole piece in the text, {@code contentStart} and {@code contentEnd} what it holds (the code
 * without its backticks; the same as the bounds for other kinds).
 */
record Token(Kind kind, int start, int end, int contentStart, int contentEnd) {

	Token(Kind kind, int start, int end) {
		this(kind, start, end, start, end);
	}

	enum Kind {

		/** Plain text of one line, where tags, mentions and inline styles are looked for. */
		TEXT,
		/** A line break. */
		NEWLINE,
		/** Inline code between backticks. */
		CODE,
		/** A fenced code block, from its opening line to its closing line. */
		FENCE,
		/** An http or https URL as typed. */
		URL,
		/** The ❝ mark. */
		QUOTE_OPEN,
		/** The ❞ mark. */
		QUOTE_CLOSE,
		/** The {@code "> "} that starts a quoted line. */
		QUOTE_LINE

	}

}
