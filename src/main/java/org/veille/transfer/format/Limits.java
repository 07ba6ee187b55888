package org.veille.transfer.format;

/**
 * How much of a file a reader holds at once. A single field (title, description, tag list, address, message text)
 * longer than {@link #MAX_FIELD_CHARS} makes its entry skipped; a run without any markup longer than
 * {@link #MAX_RUN_CHARS} stops the import, since no real bookmark file holds one. So memory stays bounded whatever
 * the file.
 */
final class Limits {

	/** 64 KiB characters: three times Veille's longest message (20,000 characters). */
	static final int MAX_FIELD_CHARS = 64 * 1024;

	/** 2 MiB characters of text, or of one tag, string or CDATA section. */
	static final int MAX_RUN_CHARS = 2 * 1024 * 1024;

	private Limits() {
	}

}
