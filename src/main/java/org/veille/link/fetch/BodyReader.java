package org.veille.link.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Reads bodies without ever holding more than a limit. */
final class BodyReader {

	/** Reads are at most this long, so reading stops soon after the end of a head. */
	private static final int BUFFER = 8 * 1024;
	private static final byte[][] END_OF_HEAD = {bytes("</head"), bytes("<body")};
	private static final int MARKER_LENGTH = 6;

	private BodyReader() {
	}

	/**
	 * What was read.
	 *
	 * @param complete whether the body ended before reading stopped
	 */
	record Body(byte[] bytes, boolean complete) {
	}

	/** Reads the whole body, or {@code limit} bytes of it when it is longer. */
	static Body readAtMost(InputStream in, long limit) throws IOException {
		return read(in, limit, false);
	}

	/**
	 * Reads an HTML page up to the end of its head (the first {@code </head} or {@code <body}, in any case), or
	 * {@code limit} bytes, whichever comes first. The markers are matched as ASCII, so for the rare page in UTF-16
	 * reading goes on to the limit.
	 */
	static Body readHtmlHead(InputStream in, long limit) throws IOException {
		return read(in, limit, true);
	}

	/** Counts the bytes of the body; -1 once it passes {@code limit}. */
	static long count(InputStream in, long limit) throws IOException {
		byte[] buffer = new byte[BUFFER];
		long count = 0;
		for (int read; (read = in.read(buffer)) != -1;) {
			count += read;
			if (count > limit) {
				return -1;
			}
		}
		return count;
	}

	private static Body read(InputStream in, long limit, boolean stopAfterHead) throws IOException {
		byte[] bytes = new byte[(int) Math.min(limit, 64 * 1024)];
		int size = 0;
		while (size < limit) {
			if (size == bytes.length) {
				bytes = Arrays.copyOf(bytes, (int) Math.min(limit, 2L * bytes.length));
			}
			int read = in.read(bytes, size, Math.min(BUFFER, bytes.length - size));
			if (read == -1) {
				return new Body(Arrays.copyOf(bytes, size), true);
			}
			int searchFrom = Math.max(0, size - MARKER_LENGTH);
			size += read;
			if (stopAfterHead && containsEndOfHead(bytes, searchFrom, size)) {
				// Whether more follows is not worth waiting for.
				return new Body(Arrays.copyOf(bytes, size), false);
			}
		}
		return new Body(Arrays.copyOf(bytes, size), in.read() == -1);
	}

	private static boolean containsEndOfHead(byte[] bytes, int from, int to) {
		for (int i = from; i < to; i++) {
			for (byte[] marker : END_OF_HEAD) {
				if (startsWithIgnoringAsciiCase(bytes, i, to, marker)) {
					return true;
				}
			}
		}
		return false;
	}

	private static boolean startsWithIgnoringAsciiCase(byte[] bytes, int at, int to, byte[] marker) {
		if (at + marker.length > to) {
			return false;
		}
		for (int j = 0; j < marker.length; j++) {
			int b = bytes[at + j];
			if (b >= 'A' && b <= 'Z') {
				b += 'a' - 'A';
			}
			if (b != marker[j]) {
				return false;
			}
		}
		return true;
	}

	private static byte[] bytes(String ascii) {
		return ascii.getBytes(StandardCharsets.US_ASCII);
	}
}
