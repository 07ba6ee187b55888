package org.veille.blogfeed;

import java.util.List;

/**
 * A feed as read: its title, its entries in document order, and how many entries were left out for having
 * neither an id nor a link (nothing would tell them apart from one poll to the next).
 */
record FeedDocument(String title, List<FeedEntry> entries, int unidentified) {

	FeedDocument {
		entries = List.copyOf(entries);
	}

}
