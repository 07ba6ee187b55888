package org.veille.tag;

import java.util.List;

/** What a tag page shows around the threads: the parent chain, children, tags starting alike, related tags. */
public record TagNeighbours(List<TagLink> parents, List<TagLink> children, List<TagLink> startingAlike,
		List<TagLink> related) {

	static final TagNeighbours NONE = new TagNeighbours(List.of(), List.of(), List.of(), List.of());

	/** Whether there is nothing to show beside the threads (the parents are part of the heading). */
	public boolean isEmpty() {
		return this.children.isEmpty() && this.startingAlike.isEmpty() && this.related.isEmpty();
	}

	/** About the bytes these links take in memory. */
	int weight() {
		return 128 + (characters(this.parents) + characters(this.children) + characters(this.startingAlike)
				+ characters(this.related)) * 2;
	}

	/** About the characters these links hold. */
	static int characters(List<TagLink> links) {
		int characters = 0;
		for (TagLink link : links) {
			characters += link.key().length() + link.display().length() + 8;
		}
		return characters;
	}

}
