package org.veille.follow;

/**
 * How the reader stands with a person whose page they look at.
 *
 * @param self the reader is that person
 * @param following the reader follows them
 * @param followedBy they follow the reader
 * @param blocking the reader blocks them
 */
public record Relation(boolean self, boolean following, boolean followedBy, boolean blocking) {

	public static final Relation NONE = new Relation(false, false, false, false);

}
