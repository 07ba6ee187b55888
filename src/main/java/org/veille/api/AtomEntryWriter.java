package org.veille.api;

import java.io.Writer;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.jspecify.annotations.Nullable;

import org.veille.api.ApiQueries.ApiMessage;
import org.veille.markup.Hashtag;
import org.veille.markup.MarkupParser;
import org.veille.markup.ParsedMessage;
import org.veille.text.XmlChars;

/**
 * Writes messages as Seenthis's API does: an Atom entry whose {@code <summary>} is the raw text,
 * {@code <id>} is {@code message:N}, with its tags as categories, its links as {@code related}
 * links and, for a reply, {@code thr:in-reply-to}.
 */
final class AtomEntryWriter {

	private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

	private final XMLStreamWriter xml;

	private final String base;

	private AtomEntryWriter(Writer writer, String base) throws XMLStreamException {
		this.xml = FACTORY.createXMLStreamWriter(writer);
		this.base = base;
	}

	/** One entry as a whole document. */
	static void entry(Writer writer, String base, ApiMessage message) throws XMLStreamException {
		AtomEntryWriter entries = new AtomEntryWriter(writer, base);
		entries.xml.writeStartDocument("UTF-8", "1.0");
		entries.write(message, true);
		entries.xml.writeEndDocument();
		entries.xml.flush();
	}

	/** A page of a person's messages, with {@code rel="next"} when another page follows. */
	static void feed(Writer writer, String base, String selfPath, String pagePath, String title,
			List<ApiMessage> messages, @Nullable String nextPath) throws XMLStreamException {
		AtomEntryWriter entries = new AtomEntryWriter(writer, base);
		XMLStreamWriter xml = entries.xml;
		xml.writeStartDocument("UTF-8", "1.0");
		xml.writeStartElement("feed");
		xml.writeDefaultNamespace(AtomEntryReader.ATOM);
		xml.writeNamespace("thr", AtomEntryReader.THREADING);
		entries.element("id", base + selfPath);
		entries.element("title", title);
		Instant updated = messages.stream().map(ApiMessage::updatedAt).max(Instant::compareTo).orElse(Instant.EPOCH);
		entries.element("updated", DateTimeFormatter.ISO_INSTANT.format(updated));
		entries.link("self", base + selfPath, "application/atom+xml", null);
		entries.link("alternate", base + pagePath, "text/html", null);
		if (nextPath != null) {
			entries.link("next", base + nextPath, "application/atom+xml", null);
		}
		for (ApiMessage message : messages) {
			entries.write(message, false);
		}
		xml.writeEndElement();
		xml.writeEndDocument();
		xml.flush();
	}

	private void write(ApiMessage message, boolean root) throws XMLStreamException {
		this.xml.writeStartElement("entry");
		if (root) {
			this.xml.writeDefaultNamespace(AtomEntryReader.ATOM);
			this.xml.writeNamespace("thr", AtomEntryReader.THREADING);
		}
		element("id", "message:" + message.id());
		element("title", message.title());
		this.xml.writeStartElement("author");
		element("name", message.authorShownName());
		element("uri", this.base + "/people/" + message.authorLogin());
		this.xml.writeEndElement();
		element("published", DateTimeFormatter.ISO_INSTANT.format(message.createdAt()));
		element("updated", DateTimeFormatter.ISO_INSTANT.format(message.updatedAt()));
		String page = (message.threadId() == null) ? "/messages/" + message.id()
				: "/messages/" + message.threadId() + "#m" + message.id();
		link("alternate", this.base + page, "text/html", null);
		ParsedMessage parsed = MarkupParser.parse(message.body());
		for (String url : parsed.urls()) {
			link("related", url, null, null);
		}
		for (Hashtag tag : parsed.filedTags()) {
			this.xml.writeEmptyElement("category");
			this.xml.writeAttribute("term", tag.key());
			this.xml.writeAttribute("label", tag.display());
			this.xml.writeAttribute("scheme", this.base + "/tag/");
		}
		if (message.threadId() != null) {
			this.xml.writeEmptyElement("thr", "in-reply-to", AtomEntryReader.THREADING);
			this.xml.writeAttribute("ref", "message:" + message.threadId());
			this.xml.writeAttribute("href", this.base + "/messages/" + message.threadId());
			this.xml.writeAttribute("type", "text/html");
		}
		this.xml.writeStartElement("summary");
		this.xml.writeAttribute("type", "text");
		this.xml.writeCharacters(XmlChars.strip(message.body()));
		this.xml.writeEndElement();
		this.xml.writeEndElement();
	}

	private void element(String name, String text) throws XMLStreamException {
		this.xml.writeStartElement(name);
		this.xml.writeCharacters(XmlChars.strip(text));
		this.xml.writeEndElement();
	}

	private void link(String rel, String href, @Nullable String type, @Nullable String title) throws XMLStreamException {
		this.xml.writeEmptyElement("link");
		this.xml.writeAttribute("rel", rel);
		this.xml.writeAttribute("href", XmlChars.strip(href));
		if (type != null) {
			this.xml.writeAttribute("type", type);
		}
		if (title != null) {
			this.xml.writeAttribute("title", XmlChars.strip(title));
		}
	}

}
