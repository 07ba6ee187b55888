package org.veille.link.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.net.ProtocolException;

/** Decodes {@code Transfer-Encoding: chunked}; chunk extensions and trailers are read and dropped. */
final class ChunkedInputStream extends InputStream {

	private static final int MAX_SIZE_LINE = 1024;
	private static final int MAX_TRAILER_LINES = 100;

	private final InputStream in;
	private long leftInChunk;
	private boolean started;
	private boolean finished;

	ChunkedInputStream(InputStream in) {
		this.in = in;
	}

	@Override
	public int read() throws IOException {
		byte[] one = new byte[1];
		return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
	}

	@Override
	public int read(byte[] buffer, int offset, int length) throws IOException {
		if (length == 0) {
			return 0;
		}
		if (leftInChunk == 0 && !nextChunk()) {
			return -1;
		}
		int read = in.read(buffer, offset, (int) Math.min(length, leftInChunk));
		if (read == -1) {
			throw new ProtocolException("connection closed inside a chunk");
		}
		leftInChunk -= read;
		return read;
	}

	@Override
	public void close() throws IOException {
		in.close();
	}

	/** Moves to the next chunk; false at the last (empty) chunk. */
	private boolean nextChunk() throws IOException {
		if (finished) {
			return false;
		}
		if (started && !"".equals(AsciiLines.read(in, MAX_SIZE_LINE))) {
			throw new ProtocolException("chunk not followed by CRLF");
		}
		started = true;
		leftInChunk = chunkSize(AsciiLines.read(in, MAX_SIZE_LINE));
		if (leftInChunk == 0) {
			skipTrailers();
			finished = true;
			return false;
		}
		return true;
	}

	private static long chunkSize(String line) throws ProtocolException {
		if (line == null) {
			throw new ProtocolException("connection closed before a chunk size");
		}
		int semicolon = line.indexOf(';');
		String hex = (semicolon >= 0 ? line.substring(0, semicolon) : line).strip();
		if (hex.isEmpty() || hex.length() > 15 || !hex.chars().allMatch(c -> c < 0x80 && Character.digit(c, 16) >= 0)) {
			throw new ProtocolException("bad chunk size: " + line);
		}
		return Long.parseLong(hex, 16);
	}

	private void skipTrailers() throws IOException {
		for (int count = 0; count < MAX_TRAILER_LINES; count++) {
			String line = AsciiLines.read(in, MAX_SIZE_LINE * 8);
			if (line == null || line.isEmpty()) {
				return;
			}
		}
		throw new ProtocolException("too many trailer lines");
	}
}
