package org.veille.blogfeed;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An entry of a feed as Veille posts it: plain text only, its link absolute.
 *
 * @param key what names the entry in its feed: its id (RSS guid, Atom id, RDF about), else its link
 * @param title the title as text, HTML taken out; possibly empty
 * @param link the entry's http(s) address, resolved against the feed's; null when it has none
 * @param summary the summary (else the content) as text, its paragraphs kept, cut to an excerpt; null when none
 * @param categories the categories' names, in order
 * @param published when it was published (else updated); null when the feed does not say or says it unreadably
 * @param position its place in the document, first 0
 */
record FeedEntry(String key, String title, @Nullable String link, @Nullable String summary, List<String> categories,
		@Nullable Instant published, int position) {

	FeedEntry {
		categories = List.copyOf(categories);
	}

}
