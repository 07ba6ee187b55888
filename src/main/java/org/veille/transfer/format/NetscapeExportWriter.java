package org.veille.transfer.format;

import java.io.IOException;
import java.io.Writer;
import java.util.stream.Collectors;

import org.veille.markup.Hashtag;
import org.veille.markup.MarkupParser;
import org.veille.markup.ParsedMessage;

/**
 * Writes messages as a Netscape bookmark file that browsers, bookmarking services and {@link NetscapeReader} import:
 * one link per message, to the first URL it cites (or to the message itself when it cites none), titled with the
 * message's title, with its tags in {@code TAGS}, its date in {@code ADD_DATE} (seconds) and its whole text in
 * {@code <DD>}. Replies and shares are links like the others: the format has no place for a conversation.
 */
final class NetscapeExportWriter implements ExportWriter {

	private final Writer out;

	private final SiteLinks links;

	NetscapeExportWriter(Writer out, SiteLinks links) throws IOException {
		this.out = out;
		this.links = links;
		out.write("<!DOCTYPE NETSCAPE-Bookmark-file-1>\n");
		out.write("<!-- Exported from Veille, " + escape(links.site()) + " -->\n");
		out.write("<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=UTF-8\">\n");
		out.write("<TITLE>Bookmarks</TITLE>\n<H1>Bookmarks</H1>\n<DL><p>\n");
	}

	@Override
	public void write(ExportedMessage message) throws IOException {
		ParsedMessage parsed = MarkupParser.parse(message.text());
		String href = parsed.urls().isEmpty() ? this.links.message(message.id()) : parsed.urls().get(0);
		String title = parsed.title().isEmpty() ? href : parsed.title();
		String tags = parsed.tags().stream().map(Hashtag::display).collect(Collectors.joining(","));
		this.out.write("    <DT><A HREF=\"" + escape(href) + "\" ADD_DATE=\"" + message.publishedAt().getEpochSecond()
				+ "\" PRIVATE=\"0\"" + (tags.isEmpty() ? "" : " TAGS=\"" + escape(tags) + "\"") + ">" + escape(title)
				+ "</A>\n");
		String text = message.text().strip();
		if (!text.isEmpty()) {
			this.out.write("    <DD>" + escape(text) + "\n");
		}
	}

	@Override
	public void close() throws IOException {
		this.out.write("</DL><p>\n");
		this.out.flush();
	}

	/** Text and attribute values escaped for HTML. */
	static String escape(String text) {
		StringBuilder escaped = new StringBuilder(text.length() + 16);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '&' -> escaped.append("&amp;");
				case '<' -> escaped.append("&lt;");
				case '>' -> escaped.append("&gt;");
				case '"' -> escaped.append("&quot;");
				default -> escaped.append(c);
			}
		}
		return escaped.toString();
	}

}
