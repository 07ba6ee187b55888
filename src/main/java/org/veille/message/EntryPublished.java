package org.veille.message;

/**
 * A message was posted (a thread or a reply): the feeds that list it changed. Published within the
 * posting transaction; a listener that needs the database writes in that transaction ({@code BEFORE_COMMIT})
 * a row for a worker, never a transaction of its own (DESIGN §8).
 */
public record EntryPublished(long messageId) {
}
