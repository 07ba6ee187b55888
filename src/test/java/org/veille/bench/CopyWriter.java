package org.veille.bench;

import java.io.IOException;
import java.io.Writer;
import java.sql.SQLException;

import org.postgresql.copy.CopyIn;

/**
 * Text for COPY … FROM STDIN, encoded in UTF-8 straight into a buffer that goes to the server when full: the
 * generator's texts are mostly ASCII, which a general-purpose encoder handles no faster than the rest.
 */
final class CopyWriter extends Writer {

	private final CopyIn copy;

	private final byte[] buffer = new byte[1 << 16];

	private int used;

	CopyWriter(CopyIn copy) {
		this.copy = copy;
	}

	@Override
	public void write(int c) throws IOException {
		if (this.used + 3 > this.buffer.length) {
			flush();
		}
		if (c < 0x80) {
			this.buffer[this.used++] = (byte) c;
		}
		else if (c < 0x800) {
			this.buffer[this.used++] = (byte) (0xC0 | (c >> 6));
			this.buffer[this.used++] = (byte) (0x80 | (c & 0x3F));
		}
		else if (Character.isSurrogate((char) c)) {
			throw new IOException("The generator writes no character outside the Basic Multilingual Plane");
		}
		else {
			this.buffer[this.used++] = (byte) (0xE0 | (c >> 12));
			this.buffer[this.used++] = (byte) (0x80 | ((c >> 6) & 0x3F));
			this.buffer[this.used++] = (byte) (0x80 | (c & 0x3F));
		}
	}

	@Override
	public void write(String text) throws IOException {
		write(text, 0, text.length());
	}

	@Override
	public void write(String text, int offset, int length) throws IOException {
		for (int i = offset; i < offset + length; i++) {
			char c = text.charAt(i);
			if (c < 0x80 && this.used < this.buffer.length) {
				this.buffer[this.used++] = (byte) c;
			}
			else {
				write(c);
			}
		}
	}

	@Override
	public void write(char[] characters, int offset, int length) throws IOException {
		for (int i = offset; i < offset + length; i++) {
			write(characters[i]);
		}
	}

	/** Sends what is buffered. */
	@Override
	public void flush() throws IOException {
		try {
			this.copy.writeToCopy(this.buffer, 0, this.used);
		}
		catch (SQLException ex) {
			throw new IOException(ex);
		}
		this.used = 0;
	}

	/** Leaves ending the copy to its owner. */
	@Override
	public void close() throws IOException {
		flush();
	}

}
