package org.veille.link.fetch;

import java.io.IOException;
import java.io.InputStream;

/**
 * A body of a declared {@code Content-Length}: ends after that many bytes. A connection closed earlier ends it
 * early too; a page cut short still has a head worth reading.
 */
final class FixedLengthInputStream extends InputStream {

	private final InputStream in;
	private long left;

	FixedLengthInputStream(InputStream in, long length) {
		this.in = in;
		this.left = length;
	}

	@Override
	public int read() throws IOException {
		byte[] one = new byte[1];
		return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
	}

	@Override
	public int read(byte[] buffer, int offset, int length) throws IOException {
		if (left == 0) {
			return -1;
		}
		if (length == 0) {
			return 0;
		}
		int read = in.read(buffer, offset, (int) Math.min(length, left));
		if (read == -1) {
			left = 0;
			return -1;
		}
		left -= read;
		return read;
	}

	@Override
	public void close() throws IOException {
		in.close();
	}
}
