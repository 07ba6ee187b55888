package org.veille.transfer.format;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.veille.markup.Hashtag;
import org.veille.markup.MarkupParser;
import org.veille.markup.ParsedMessage;
import org.veille.text.XmlChars;

/**
 * Writes messages as Seenthis renders one message in XML, inside a {@code <messages>} root, with StAX:
 *
 * <pre>
 * &lt;message id="12" kind="message" href="https://…/messages/12"&gt;
 * &lt;author href="https://…/people/ana"&gt;&lt;![CDATA[Ana]]&gt;&lt;/author&gt;
 * &lt;date&gt;2026-11-29T07:52:54Z&lt;/date&gt;
 * &lt;text&gt;&lt;![CDATA[the raw text]]&gt;&lt;/text&gt;
 * &lt;tags&gt;&lt;tag href="https://…/tag/sante"&gt;Santé&lt;/tag&gt;&lt;/tags&gt;
 * &lt;urls&gt;&lt;url&gt;&lt;![CDATA[https://…]]&gt;&lt;/url&gt;&lt;/urls&gt;
 * &lt;/message&gt;
 * </pre>
 *
 * {@code kind} is {@code message}, {@code reply} (with {@code thread}, the id of the thread's first message) or
 * {@code share}. Characters XML cannot hold are left out ({@link XmlChars}); a {@code ]]>} in the text is split
 * across two CDATA sections.
 */
final class SeenthisXmlExportWriter implements ExportWriter {

	private final XMLStreamWriter xml;

	private final Writer out;

	private final SiteLinks links;

	SeenthisXmlExportWriter(Writer out, SiteLinks links) throws IOException {
		this.out = out;
		this.links = links;
		try {
			this.xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out);
			this.xml.writeStartDocument("UTF-8", "1.0");
			this.xml.writeCharacters("\n");
			this.xml.writeStartElement("messages");
			this.xml.writeAttribute("generator", "Veille");
			this.xml.writeAttribute("site", links.site());
			this.xml.writeCharacters("\n");
		}
		catch (XMLStreamException ex) {
			throw ioFailure(ex);
		}
	}

	@Override
	public void write(ExportedMessage message) throws IOException {
		ParsedMessage parsed = MarkupParser.parse(message.text());
		try {
			this.xml.writeStartElement("message");
			this.xml.writeAttribute("id", Long.toString(message.id()));
			this.xml.writeAttribute("kind", message.kind().name().toLowerCase(Locale.ROOT));
			if (message.threadId() != null) {
				this.xml.writeAttribute("thread", Long.toString(message.threadId()));
			}
			this.xml.writeAttribute("href", this.links.message(message.id()));
			this.xml.writeCharacters("\n");
			this.xml.writeStartElement("author");
			this.xml.writeAttribute("href", this.links.person(message.authorLogin()));
			writeCData(message.authorName());
			line();
			this.xml.writeStartElement("date");
			this.xml.writeCharacters(message.publishedAt().toString());
			line();
			this.xml.writeStartElement("text");
			writeCData(message.text());
			line();
			if (!parsed.tags().isEmpty()) {
				this.xml.writeStartElement("tags");
				for (Hashtag tag : parsed.tags()) {
					this.xml.writeStartElement("tag");
					this.xml.writeAttribute("href", this.links.tag(tag.key()));
					this.xml.writeCharacters(XmlChars.strip(tag.display()));
					this.xml.writeEndElement();
				}
				line();
			}
			if (!parsed.urls().isEmpty()) {
				this.xml.writeStartElement("urls");
				for (String url : parsed.urls()) {
					this.xml.writeStartElement("url");
					writeCData(url);
					this.xml.writeEndElement();
				}
				line();
			}
			this.xml.writeEndElement();
			this.xml.writeCharacters("\n");
		}
		catch (XMLStreamException ex) {
			throw ioFailure(ex);
		}
	}

	@Override
	public void close() throws IOException {
		try {
			this.xml.writeEndElement();
			this.xml.writeCharacters("\n");
			this.xml.writeEndDocument();
			this.xml.flush();
			this.out.flush();
		}
		catch (XMLStreamException ex) {
			throw ioFailure(ex);
		}
	}

	/** Ends the current element and the line. */
	private void line() throws XMLStreamException {
		this.xml.writeEndElement();
		this.xml.writeCharacters("\n");
	}

	/** {@code text} in CDATA sections, split where it holds {@code ]]>}. */
	private void writeCData(String text) throws XMLStreamException {
		String safe = XmlChars.strip(text);
		int start = 0;
		int end = safe.indexOf("]]>");
		while (end >= 0) {
			this.xml.writeCData(safe.substring(start, end + 2));
			start = end + 2;
			end = safe.indexOf("]]>", start);
		}
		this.xml.writeCData(safe.substring(start));
	}

	private static IOException ioFailure(XMLStreamException ex) {
		Throwable cause = (ex.getNestedException() != null) ? ex.getNestedException() : ex.getCause();
		return (cause instanceof IOException io) ? io : new IOException(ex.getMessage(), ex);
	}

}
