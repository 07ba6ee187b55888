package org.veille.link.fetch;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ProtocolException;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * Turns the bytes after a response head into the body: framed by chunked encoding, {@code Content-Length} or the
 * end of the connection, then decompressed. Limits are applied by the reader of the returned stream, so they count
 * decompressed bytes and a small compressed bomb is stopped like a large body.
 */
final class BodyDecoding {

	private BodyDecoding() {
	}

	static InputStream decode(ResponseHead head, InputStream in) throws IOException {
		return decompressed(head, framed(head, in));
	}

	/** The declared length of the body on the wire, or -1. */
	static long declaredLength(ResponseHead head) throws ProtocolException {
		List<String> values = head.headers("content-length");
		if (values.isEmpty() || head.header("transfer-encoding") != null) {
			return -1;
		}
		long length = -1;
		for (String value : values) {
			for (String item : value.split(",")) {
				String digits = item.strip();
				if (digits.isEmpty() || digits.length() > 18 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
					throw new ProtocolException("bad Content-Length: " + value);
				}
				long parsed = Long.parseLong(digits);
				if (length != -1 && parsed != length) {
					throw new ProtocolException("conflicting Content-Length headers");
				}
				length = parsed;
			}
		}
		return length;
	}

	static boolean isCompressed(ResponseHead head) {
		String encoding = head.header("content-encoding");
		return encoding != null && !encoding.isBlank() && !encoding.strip().equalsIgnoreCase("identity");
	}

	private static InputStream framed(ResponseHead head, InputStream in) throws IOException {
		if (head.status() == 204 || head.status() == 304) {
			return InputStream.nullInputStream();
		}
		String transferEncoding = head.header("transfer-encoding");
		if (transferEncoding != null) {
			if (!transferEncoding.strip().equalsIgnoreCase("chunked")) {
				throw new ProtocolException("unsupported Transfer-Encoding: " + transferEncoding);
			}
			return new ChunkedInputStream(in);
		}
		long length = declaredLength(head);
		return length >= 0 ? new FixedLengthInputStream(in, length) : in;
	}

	private static InputStream decompressed(ResponseHead head, InputStream body) throws IOException {
		String header = head.header("content-encoding");
		if (header == null || !isCompressed(head)) {
			return body;
		}
		String encoding = header.strip().toLowerCase(Locale.ROOT);
		switch (encoding) {
			case "gzip", "x-gzip" -> {
				return new GZIPInputStream(body, 8 * 1024);
			}
			case "deflate" -> {
				return inflating(new BufferedInputStream(body, 8 * 1024));
			}
			default -> throw new ProtocolException("unsupported Content-Encoding: " + encoding);
		}
	}

	/** "deflate" should be zlib-wrapped; some servers send raw deflate, told apart by the zlib header check. */
	private static InputStream inflating(BufferedInputStream body) throws IOException {
		body.mark(2);
		int first = body.read();
		int second = body.read();
		body.reset();
		boolean zlib = first != -1 && second != -1 && (first & 0x0f) == 8 && ((first << 8) | second) % 31 == 0;
		Inflater inflater = new Inflater(!zlib);
		return new InflaterInputStream(body, inflater, 8 * 1024) {
			@Override
			public void close() throws IOException {
				try {
					super.close();
				}
				finally {
					inflater.end();
				}
			}
		};
	}
}
