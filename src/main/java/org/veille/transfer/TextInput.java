package org.veille.transfer;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;

import org.veille.transfer.ImportFormatException.Problem;

/**
 * Decoded text read once, front to back, through a small buffer, knowing the line and column of the next character
 * and whether the end was reached. A NUL character (binary data) and bytes invalid in the charset stop the reading
 * with an {@link ImportFailure} that says where.
 */
final class TextInput extends Reader {

	private static final int BUFFER_SIZE = 8192;

	private final Reader in;

	private final Charset charset;

	private final char[] buffer = new char[BUFFER_SIZE];

	private int position;

	private int limit;

	private boolean ended;

	private long line = 1;

	private long column = 1;

	private boolean afterCarriageReturn;

	/** @param charset the charset {@code in} decodes, named in error messages */
	TextInput(Reader in, Charset charset) {
		this.in = in;
		this.charset = charset;
	}

	/** The next character without consuming it, or -1 at the end. */
	int peek() throws IOException {
		if (this.position == this.limit && !fill()) {
			return -1;
		}
		return this.buffer[this.position];
	}

	@Override
	public int read() throws IOException {
		if (this.position == this.limit && !fill()) {
			return -1;
		}
		char c = this.buffer[this.position++];
		advance(c);
		return c;
	}

	@Override
	public int read(char[] target, int offset, int length) throws IOException {
		if (length == 0) {
			return 0;
		}
		if (this.position == this.limit && !fill()) {
			return -1;
		}
		int count = Math.min(length, this.limit - this.position);
		for (int i = 0; i < count; i++) {
			char c = this.buffer[this.position++];
			advance(c);
			target[offset + i] = c;
		}
		return count;
	}

	/** The line of the next character, from 1. */
	long line() {
		return this.line;
	}

	/** The column of the next character, from 1. */
	long column() {
		return this.column;
	}

	/** Whether the end of the text has been reached. */
	boolean ended() {
		return this.ended;
	}

	/** Does not close the underlying reader: its stream belongs to the caller. */
	@Override
	public void close() {
	}

	private void advance(char c) throws ImportFailure {
		if (c == '\n') {
			if (!this.afterCarriageReturn) {
				this.line++;
			}
			this.column = 1;
			this.afterCarriageReturn = false;
		}
		else if (c == '\r') {
			this.line++;
			this.column = 1;
			this.afterCarriageReturn = true;
		}
		else if (c == 0) {
			throw new ImportFailure(ImportFormatException.at(Problem.BINARY,
					"a NUL character: this is binary data, not a bookmark file", this.line, this.column));
		}
		else {
			this.column++;
			this.afterCarriageReturn = false;
		}
	}

	private boolean fill() throws IOException {
		if (this.ended) {
			return false;
		}
		int count;
		try {
			count = this.in.read(this.buffer, 0, this.buffer.length);
			while (count == 0) {
				count = this.in.read(this.buffer, 0, this.buffer.length);
			}
		}
		catch (CharacterCodingException ex) {
			throw new ImportFailure(ImportFormatException.at(Problem.ENCODING,
					"bytes that are not valid " + this.charset.name() + " text; save the file as UTF-8 and try again",
					this.line, this.column));
		}
		if (count < 0) {
			this.ended = true;
			return false;
		}
		this.position = 0;
		this.limit = count;
		return true;
	}

}
