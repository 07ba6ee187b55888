package org.veille.search;

import org.veille.markup.TagKeys;

/** A tag proposed above the results because it starts with the word searched. */
public record TagSuggestion(String key, String display, int threadCount) {

	public String path() {
		return "/tag/" + TagKeys.pathOf(this.key);
	}

}
