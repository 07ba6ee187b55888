package org.veille.message;

/**
 * A message was deleted (by its author, the thread's starter or a moderator). Published within the deleting
 * transaction, as {@link EntryPublished} is.
 */
public record EntryRemoved(long messageId, long authorId) {
}
