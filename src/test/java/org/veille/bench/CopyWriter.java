package org.veille.bench;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;

import org.postgresql.copy.CopyIn;

/**
 * Text for COPY … FROM STDIN, encoded in UTF-8 into a buffer that goes to the server when full, without the
 * layers of a BufferedWriter over an OutputStreamWriter over a stream.
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
		// The JDK's own encoder of a whole string is much faster than any loop over its characters.
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		if (this.used + bytes.length > this.buffer.length) {
			flush();
		}
		if (bytes.length > this.buffer.length) {
			send(bytes, bytes.length);
		}
		else {
			System.arraycopy(bytes, 0, this.buffer, this.used, bytes.length);
			this.used += bytes.length;
		}
	}

	@Override
	public void write(String text, int offset, int length) throws IOException {
		write(text.substring(offset, offset + length));
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
		send(this.buffer, this.used);
		this.used = 0;
	}

	private void send(byte[] bytes, int length) throws IOException {
		try {
			this.copy.writeToCopy(bytes, 0, length);
		}
		catch (SQLException ex) {
			throw new IOException(ex);
		}
	}

	/** Leaves ending the copy to its owner. */
	@Override
	public void close() throws IOException {
		flush();
	}

}
