package org.veille.thread;

import org.veille.markup.TagKeys;

/**
 * A tag as a message card shows it: its display form, linking to its page.
 */
public record TagChip(String key, String display) {

	public String path() {
		return "/tag/" + TagKeys.pathOf(this.key);
	}

}
