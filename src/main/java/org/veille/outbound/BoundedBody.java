package org.veille.outbound;

/**
 * What was read of a body, never more than the limit asked for.
 *
 * @param bytes the bytes read, decompressed
 * @param complete whether the body ended before reading stopped
 */
public record BoundedBody(byte[] bytes, boolean complete) {

	public BoundedBody {
		bytes = bytes.clone();
	}

	@Override
	public byte[] bytes() {
		return this.bytes.clone();
	}

	public int size() {
		return this.bytes.length;
	}

}
