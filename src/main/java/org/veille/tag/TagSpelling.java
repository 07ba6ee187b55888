package org.veille.tag;

/** A tag as spelled once, ordered so that a transaction locks spellings' rows in one order. */
record TagSpelling(long tagId, String display) implements Comparable<TagSpelling> {

	@Override
	public int compareTo(TagSpelling other) {
		int byTag = Long.compare(this.tagId, other.tagId);
		return (byTag != 0) ? byTag : this.display.compareTo(other.display);
	}

}
