package org.veille.search;

import org.jspecify.annotations.Nullable;

/**
 * Why a thread is among the results: the passage to show, with the words found marked, and where they were
 * found when it is not the thread's text.
 *
 * @param passage safe HTML: escaped text and {@code <mark>} elements only
 * @param tags for {@link Found#TAG}, the tags that hold the words, as {@code #display} separated by spaces
 */
public record SearchHit(String passage, Found found, @Nullable String tags) {

	/** Where the words were found. */
	public enum Found {

		/** In the first message's text. */
		TEXT(null),
		/** In a reply's text. */
		REPLY("search.found.reply"),
		/** In the title or the description of a page the thread cites. */
		PAGE("search.found.page"),
		/** In the thread's tags. */
		TAG("search.found.tag"),
		/** Spread over several of the above, none holding them all. */
		THREAD("search.found.thread"),
		/** The search is an address the thread cites. */
		ADDRESS("search.found.address"),
		/** Only a tag or an author was asked for: the thread carries it, nothing to point at. */
		FILTER(null);

		private final @Nullable String messageKey;

		Found(@Nullable String messageKey) {
			this.messageKey = messageKey;
		}

		/** The sentence saying where, or null when the passage says it already. */
		public @Nullable String messageKey() {
			return this.messageKey;
		}

	}

}
