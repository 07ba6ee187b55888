package org.veille.pagecache;

/**
 * Sizes in memory of what a kept page holds, for the cache's bound: rounded up, never below what is held.
 */
final class Footprint {

	/** An object's header with a few fields, or an array's header. */
	static final int OBJECT = 48;

	private Footprint() {
	}

	/** A string and its array: one byte a character when all are Latin-1, as the JVM stores it, else two. */
	static int of(String text) {
		for (int i = 0; i < text.length(); i++) {
			if (text.charAt(i) > 0xFF) {
				return 2 * OBJECT + 2 * text.length();
			}
		}
		return 2 * OBJECT + text.length();
	}

}
