package org.veille.follow;

/** Someone started following a person; published inside the transaction that stored the follow. */
public record PersonFollowed(long followerId, long followeeId) {
}
