package org.veille.star;

/** Someone starred a thread; published inside the transaction that stored the star. */
public record ThreadStarred(long starrerId, long threadId, long threadAuthorId) {
}
