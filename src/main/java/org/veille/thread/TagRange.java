package org.veille.thread;

/**
 * The tags a tree or prefix page lists: the tag of {@code key} and every tag whose key starts with
 * {@code prefix} (its descendants {@code key/…}, or every key starting with its letters), the {@code limit} most
 * used of them. The page's statement reads them itself from the key index, which covers their use and
 * {@code changed_at}: shipping a popular tree's ids to the application and back cost more than walking it.
 */
public record TagRange(String key, String prefix, int limit) {

	/** Greater than any character in a key: the end of a range of keys starting with the same letters. */
	public static final String LAST_CHARACTER = "\uDBFF\uDFFF";

	/** The first key past the range. */
	public String prefixEnd() {
		return this.prefix + LAST_CHARACTER;
	}

}
