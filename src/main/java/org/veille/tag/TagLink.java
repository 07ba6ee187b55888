package org.veille.tag;

import org.veille.markup.TagKeys;

/**
 * A tag shown as a link with a number: its threads (children, index, parents), or the threads it
 * shares with the page's tag (related tags), or its threads of the last days (trending tags).
 */
public record TagLink(String key, String display, int count) {

	public String path() {
		return "/tag/" + TagKeys.pathOf(this.key);
	}

	/** The last segment of a hierarchical key, for a breadcrumb or a list of children. */
	public String lastSegment() {
		int slash = this.display.lastIndexOf('/');
		return (slash < 0) ? this.display : this.display.substring(slash + 1);
	}

}
