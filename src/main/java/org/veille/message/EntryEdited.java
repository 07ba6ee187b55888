package org.veille.message;

/**
 * A message's text changed. Published within the editing transaction, as {@link EntryPublished} is.
 */
public record EntryEdited(long messageId) {
}
