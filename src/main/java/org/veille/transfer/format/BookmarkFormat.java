package org.veille.transfer.format;

/** The formats Veille imports. */
public enum BookmarkFormat {

	/**
	 * The Netscape bookmark file that browsers and bookmarking services export ({@code <!DOCTYPE
	 * NETSCAPE-Bookmark-file-1>}).
	 */
	NETSCAPE_HTML,

	/** Pinboard's JSON export: a list of posts with {@code href}, {@code description}, {@code tags}… */
	PINBOARD_JSON,

	/**
	 * Seenthis messages as XML: the {@code <message>} elements Seenthis and Veille's export write, or the Atom
	 * entries of the Seenthis API, whose {@code <summary>} holds the message text.
	 */
	SEENTHIS_XML

}
