package org.veille.transfer.format;

/**
 * Receives what a reader finds, one entry at a time, in the order of the file. An exception thrown here stops the
 * reading and comes out of {@link BookmarkImport#read}.
 */
public interface BookmarkSink {

	/** A bookmark to turn into a message. */
	void accept(Bookmark bookmark);

	/** An entry left out; reading goes on. */
	void skip(SkippedBookmark skipped);

}
