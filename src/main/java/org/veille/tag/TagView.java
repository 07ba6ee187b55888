package org.veille.tag;

import java.time.Instant;

import org.veille.markup.TagKeys;

/**
 * A tag as its page shows it.
 */
record TagView(long id, String key, String display, int threadCount, Instant changedAt) {

	public String path() {
		return "/tag/" + TagKeys.pathOf(this.key);
	}

}
