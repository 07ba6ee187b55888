package org.veille.link;

/**
 * A cited page was fetched and its title and description stored; published inside the transaction that stored
 * them, so that what is derived from them (the search documents of the threads citing it) changes with them.
 */
public record PageFetched(long linkId) {
}
