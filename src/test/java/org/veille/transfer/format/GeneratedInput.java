package org.veille.transfer.format;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A large file made on the fly, never held in memory: a head, then one byte repeated, then a tail. It counts how
 * many bytes were read, so a test can tell that a reader stopped early.
 */
final class GeneratedInput extends InputStream {

	private final byte[] head;

	private final byte filler;

	private final long fillerLength;

	private final byte[] tail;

	private long position;

	GeneratedInput(String head, char filler, long fillerLength, String tail) {
		this.head = head.getBytes(StandardCharsets.UTF_8);
		this.filler = (byte) filler;
		this.fillerLength = fillerLength;
		this.tail = tail.getBytes(StandardCharsets.UTF_8);
	}

	long length() {
		return this.head.length + this.fillerLength + this.tail.length;
	}

	long bytesRead() {
		return this.position;
	}

	@Override
	public int read() {
		if (this.position >= length()) {
			return -1;
		}
		return byteAt(this.position++) & 0xFF;
	}

	@Override
	public int read(byte[] target, int offset, int count) {
		if (count == 0) {
			return 0;
		}
		if (this.position >= length()) {
			return -1;
		}
		int n = (int) Math.min(count, length() - this.position);
		for (int i = 0; i < n; i++) {
			target[offset + i] = byteAt(this.position++);
		}
		return n;
	}

	private byte byteAt(long at) {
		if (at < this.head.length) {
			return this.head[(int) at];
		}
		long inFiller = at - this.head.length;
		if (inFiller < this.fillerLength) {
			return this.filler;
		}
		return this.tail[(int) (inFiller - this.fillerLength)];
	}

}
