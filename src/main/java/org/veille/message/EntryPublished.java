package org.veille.message;

/**
 * A message was posted (a thread or a reply): the feeds that list it changed. Published within the
 * posting transaction; listeners that push elsewhere wait for its commit.
 */
public record EntryPublished(long messageId) {
}
