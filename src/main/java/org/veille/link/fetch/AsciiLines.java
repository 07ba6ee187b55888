package org.veille.link.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.net.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/** Reads the CRLF-ended lines of HTTP heads and chunk sizes, tolerating bare LF, refusing endless lines. */
final class AsciiLines {

	private AsciiLines() {
	}

	/**
	 * @return the line without its end, or null when the stream ends before any byte of it
	 * @throws ProtocolException when the line is longer than {@code maxLength} or the stream ends inside it
	 */
	static @Nullable String read(InputStream in, int maxLength) throws IOException {
		byte[] line = new byte[Math.min(maxLength, 256)];
		int length = 0;
		while (true) {
			int b = in.read();
			if (b == -1) {
				if (length == 0) {
					return null;
				}
				throw new ProtocolException("connection closed inside a line");
			}
			if (b == '\n') {
				if (length > 0 && line[length - 1] == '\r') {
					length--;
				}
				return new String(line, 0, length, StandardCharsets.ISO_8859_1);
			}
			if (length == maxLength) {
				throw new ProtocolException("line longer than " + maxLength + " bytes");
			}
			if (length == line.length) {
				line = Arrays.copyOf(line, Math.min(maxLength, line.length * 2));
			}
			line[length++] = (byte) b;
		}
	}
}
