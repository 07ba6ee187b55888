package org.veille.web;

/**
 * The memory a cache may take, as a share of the JVM's largest heap ({@code -Xmx}), so that what is kept grows and
 * shrinks with it (issue 16). Fixed sizes (120 MB of rendered parts and kept reads) took half of a 256 MB heap and
 * a small part of a large one. With {@code -Xmx512m} the parts keep their former sizes; the kept pages take a
 * quarter ({@code veille.page-cache.max-size}), the rendered parts and kept reads together under another quarter.
 */
public final class HeapShare {

	private HeapShare() {
	}

	/** One {@code parts}-th of this JVM's largest heap: 32 MB of 512 for 16. */
	public static long of(int parts) {
		return of(parts, Runtime.getRuntime().maxMemory());
	}

	static long of(int parts, long heap) {
		if (parts < 1) {
			throw new IllegalArgumentException("A share of the heap is one part of at least one: " + parts);
		}
		return heap / parts;
	}

}
