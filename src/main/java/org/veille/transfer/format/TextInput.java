package org.veille.transfer.format;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;

import org.veille.transfer.format.ImportFormatException.Problem;

/**
 * Bytes decoded into text, read once, front to back, through small buffers, knowing the line and column of the next
 * character and whether the end was reached. A NUL character (binary data) and bytes invalid in the charset stop the
 * reading with an {@link ImportFailure} that says where: the characters before an invalid byte are read first, so
 * the position is exact.
 */
final class TextInput extends Reader {

	private static final int BUFFER_SIZE = 8192;

	private final InputStream in;

	private final Charset charset;

	private final CharsetDecoder decoder;

	private final ByteBuffer bytes = ByteBuffer.allocate(BUFFER_SIZE).flip();

	private boolean bytesEnded;

	private boolean invalidBytesAhead;

	private final char[] buffer = new char[BUFFER_SIZE];

	private int position;

	private int limit;

	private boolean ended;

	private long line = 1;

	private long column = 1;

	private boolean afterCarriageReturn;

	/** Reads {@code in} from where it stands, without closing it. */
	TextInput(InputStream in, Charset charset) {
		this.in = in;
		this.charset = charset;
		this.decoder = TextCharsets.strictDecoder(charset);
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

	/**
	 * Reads characters into {@code text} up to {@code stop} (not consumed), the end, or {@code max} characters in
	 * {@code text}; returns how many were read. Faster than one {@link #read()} a character.
	 */
	int readUntil(char stop, StringBuilder text, int max) throws IOException {
		int count = 0;
		while (text.length() < max) {
			if (this.position == this.limit && !fill()) {
				break;
			}
			int end = this.position;
			int last = Math.min(this.limit, this.position + (max - text.length()));
			while (end < last && this.buffer[end] != stop) {
				advance(this.buffer[end]);
				end++;
			}
			text.append(this.buffer, this.position, end - this.position);
			count += end - this.position;
			this.position = end;
			if (end < last) {
				break;
			}
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

	/** Does not close the underlying stream: it belongs to the caller. */
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
		while (true) {
			if (this.invalidBytesAhead) {
				throw invalidBytes();
			}
			CharBuffer out = CharBuffer.wrap(this.buffer);
			CoderResult result = this.decoder.decode(this.bytes, out, this.bytesEnded);
			if (result.isError()) {
				if (out.position() == 0) {
					throw invalidBytes();
				}
				// hand over the characters before the invalid bytes; the next fill fails
				this.invalidBytesAhead = true;
			}
			else if (result.isUnderflow() && out.position() == 0) {
				if (!this.bytesEnded) {
					readBytes();
					continue;
				}
				this.decoder.flush(out);
				if (out.position() == 0) {
					this.ended = true;
					return false;
				}
			}
			this.position = 0;
			this.limit = out.position();
			return true;
		}
	}

	private void readBytes() throws IOException {
		this.bytes.compact();
		int count = this.in.read(this.bytes.array(), this.bytes.position(), this.bytes.remaining());
		if (count < 0) {
			this.bytesEnded = true;
		}
		else {
			this.bytes.position(this.bytes.position() + count);
		}
		this.bytes.flip();
	}

	private ImportFailure invalidBytes() {
		return new ImportFailure(ImportFormatException.at(Problem.ENCODING,
				"bytes that are not valid " + this.charset.name() + " text; save the file as UTF-8 and try again",
				this.line, this.column));
	}

}
