package org.veille.outbound;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Reads bodies without ever holding more than a limit. */
final class BodyReader {

	/** Reads are at most this long, so reading stops soon after a marker. */
	private static final int BUFFER = 8 * 1024;

	private BodyReader() {
	}

	/** Reads the whole body, or {@code limit} bytes of it when it is longer. */
	static BoundedBody readAtMost(InputStream in, long limit) throws IOException {
		return read(in, limit, List.of());
	}

	/**
	 * Reads up to the first of the markers (such as an HTML page's {@code </head}), in any ASCII case, or
	 * {@code limit} bytes, whichever comes first. The markers are matched as ASCII bytes, so in a body that is not
	 * ASCII-compatible (UTF-16) reading goes on to the limit.
	 */
	static BoundedBody readUntil(InputStream in, long limit, List<String> markers) throws IOException {
		return read(in, limit, markers.stream()
			.map((marker) -> marker.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII))
			.toList());
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

	private static BoundedBody read(InputStream in, long limit, List<byte[]> markers) throws IOException {
		int longestMarker = markers.stream().mapToInt((marker) -> marker.length).max().orElse(0);
		byte[] bytes = new byte[(int) Math.min(limit, 64 * 1024)];
		int size = 0;
		while (size < limit) {
			if (size == bytes.length) {
				bytes = Arrays.copyOf(bytes, (int) Math.min(limit, 2L * bytes.length));
			}
			int read = in.read(bytes, size, Math.min(BUFFER, bytes.length - size));
			if (read == -1) {
				return new BoundedBody(Arrays.copyOf(bytes, size), true);
			}
			int searchFrom = Math.max(0, size - longestMarker);
			size += read;
			if (containsMarker(bytes, searchFrom, size, markers)) {
				// Whether more follows is not worth waiting for.
				return new BoundedBody(Arrays.copyOf(bytes, size), false);
			}
		}
		return new BoundedBody(Arrays.copyOf(bytes, size), in.read() == -1);
	}

	private static boolean containsMarker(byte[] bytes, int from, int to, List<byte[]> markers) {
		for (int i = from; i < to; i++) {
			for (byte[] marker : markers) {
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
}
