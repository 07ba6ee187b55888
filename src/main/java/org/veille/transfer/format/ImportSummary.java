package org.veille.transfer.format;

/**
 * What a whole file held.
 *
 * @param format the format it was read as
 * @param bookmarks how many bookmarks were handed to the sink
 * @param skipped how many entries were left out
 */
public record ImportSummary(BookmarkFormat format, long bookmarks, long skipped) {
}
