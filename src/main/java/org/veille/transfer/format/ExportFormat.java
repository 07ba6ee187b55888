package org.veille.transfer.format;

import java.io.IOException;
import java.io.Writer;

/** The formats Veille exports to. */
public enum ExportFormat {

	/** A Netscape bookmark file, for browsers and bookmarking services. */
	NETSCAPE_HTML("text/html", "html"),

	/** A JSON list of messages (schema in docs/transfer.md). */
	JSON("application/json", "json"),

	/** Seenthis-style {@code <message>} elements in a {@code <messages>} root, which Veille imports back. */
	SEENTHIS_XML("application/xml", "xml");

	private final String mediaType;

	private final String extension;

	ExportFormat(String mediaType, String extension) {
		this.mediaType = mediaType;
		this.extension = extension;
	}

	/** The media type to send, in UTF-8. */
	public String mediaType() {
		return this.mediaType;
	}

	/** The file name extension, without the dot. */
	public String extension() {
		return this.extension;
	}

	/**
	 * Starts an export written to {@code out}, which must encode in UTF-8.
	 * @param siteUrl the address of this Veille site (such as {@code https://veille.example.org}), for the links to
	 * messages, people and tags
	 */
	public ExportWriter open(Writer out, String siteUrl) throws IOException {
		SiteLinks links = new SiteLinks(siteUrl);
		return switch (this) {
			case NETSCAPE_HTML -> new NetscapeExportWriter(out, links);
			case JSON -> new JsonExportWriter(out, links);
			case SEENTHIS_XML -> new SeenthisXmlExportWriter(out, links);
		};
	}

}
