package org.veille.api;

import java.io.InputStream;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.jspecify.annotations.Nullable;

import org.veille.text.XmlChars;

/**
 * Reads the Atom {@code <entry>} a client posts: its {@code <id>} ({@code message:N} to update,
 * {@code uuid:…} for an idempotent create), its text ({@code <summary>}, else {@code <content>}) and
 * the message it answers ({@code <thr:in-reply-to ref>}). A DTD is refused before anything is
 * expanded; no entity is ever resolved. XML 1.0 refuses the characters it forbids; the control
 * characters an XML 1.1 entry may carry as references are removed from the text ({@link XmlChars}).
 */
final class AtomEntryReader {

	static final String ATOM = "http://www.w3.org/2005/Atom";

	static final String THREADING = "http://purl.org/syndication/thread/1.0";

	private static final Pattern MESSAGE_REF = Pattern.compile(
			"(?:message:|.*/messages/)?(\\d{1,18})(?:#m(\\d{1,18}))?", Pattern.CASE_INSENSITIVE);

	private static final Pattern UUID_REF = Pattern.compile("(?:urn:)?uuid:([0-9a-f-]{36})", Pattern.CASE_INSENSITIVE);

	private static final XMLInputFactory FACTORY = factory();

	/** What an entry asks for. */
	record PostedEntry(@Nullable Long messageId, @Nullable UUID uuid, String text, @Nullable Long inReplyTo,
			@Nullable UUID inReplyToUuid) {
	}

	private AtomEntryReader() {
	}

	static PostedEntry read(InputStream body) {
		XMLStreamReader xml = null;
		try {
			xml = FACTORY.createXMLStreamReader(body);
			int event = next(xml);
			if (event != XMLStreamConstants.START_ELEMENT || !ATOM.equals(xml.getNamespaceURI())
					|| !"entry".equals(xml.getLocalName())) {
				throw ApiException.unprocessable(
						"The body must be an Atom entry: an <entry> element in the namespace " + ATOM + ".");
			}
			String id = null;
			String summary = null;
			String content = null;
			String reply = null;
			int depth = 1;
			while (depth > 0) {
				event = next(xml);
				if (event == XMLStreamConstants.START_ELEMENT) {
					depth++;
					if (depth == 2 && ATOM.equals(xml.getNamespaceURI())) {
						switch (xml.getLocalName()) {
							case "id" -> id = text(xml);
							case "summary" -> summary = text(xml);
							case "content" -> content = text(xml);
							default -> {
							}
						}
						if (xml.getEventType() == XMLStreamConstants.END_ELEMENT && depth == 2
								&& ATOM.equals(xml.getNamespaceURI())) {
							depth--;
						}
					}
					else if (depth == 2 && THREADING.equals(xml.getNamespaceURI())
							&& "in-reply-to".equals(xml.getLocalName())) {
						reply = xml.getAttributeValue(null, "ref");
						if (reply == null) {
							reply = xml.getAttributeValue(null, "href");
						}
					}
				}
				else if (event == XMLStreamConstants.END_ELEMENT) {
					depth--;
				}
				else if (event == XMLStreamConstants.END_DOCUMENT) {
					throw ApiException.unprocessable("The Atom entry ends before </entry>.");
				}
			}
			String text = (summary != null && !summary.isBlank()) ? XmlChars.strip(summary)
					: (content != null) ? XmlChars.strip(content) : null;
			if (text == null || text.isBlank()) {
				throw ApiException.unprocessable("The entry has no text: put the message in <summary> or <content>.");
			}
			Long messageId = null;
			UUID uuid = null;
			if (id != null && !id.isBlank()) {
				String trimmed = id.strip();
				if (trimmed.toLowerCase(Locale.ROOT).startsWith("message:")) {
					messageId = messageNumber(trimmed, "<id>");
				}
				else {
					uuid = uuid(trimmed, "<id>");
				}
			}
			Long inReplyTo = null;
			UUID inReplyToUuid = null;
			if (reply != null && !reply.isBlank()) {
				String trimmed = reply.strip();
				Matcher uuidMatcher = UUID_REF.matcher(trimmed);
				if (uuidMatcher.matches()) {
					inReplyToUuid = uuid(trimmed, "thr:in-reply-to");
				}
				else {
					inReplyTo = messageNumber(trimmed, "thr:in-reply-to");
				}
			}
			return new PostedEntry(messageId, uuid, text, inReplyTo, inReplyToUuid);
		}
		catch (XMLStreamException ex) {
			String where = (ex.getLocation() != null)
					? " at line " + ex.getLocation().getLineNumber() + ", column " + ex.getLocation().getColumnNumber()
					: "";
			throw ApiException.unprocessable("The body is not well-formed XML" + where + ".");
		}
		finally {
			if (xml != null) {
				try {
					xml.close();
				}
				catch (XMLStreamException ex) {
					// nothing more to read
				}
			}
		}
	}

	private static int next(XMLStreamReader xml) throws XMLStreamException {
		int event = xml.next();
		while (event == XMLStreamConstants.COMMENT || event == XMLStreamConstants.PROCESSING_INSTRUCTION
				|| event == XMLStreamConstants.SPACE
				|| (event == XMLStreamConstants.CHARACTERS && xml.isWhiteSpace())) {
			event = xml.next();
		}
		if (event == XMLStreamConstants.DTD) {
			throw ApiException.unprocessable("A document type declaration (<!DOCTYPE>) is not accepted.");
		}
		if (event == XMLStreamConstants.ENTITY_REFERENCE) {
			throw ApiException.unprocessable("Entities other than XML's own are not accepted.");
		}
		return event;
	}

	/** The text of an element (an XHTML or HTML content is refused: the API takes raw message text). */
	private static String text(XMLStreamReader xml) throws XMLStreamException {
		String type = xml.getAttributeValue(null, "type");
		if (type != null && !type.equals("text")) {
			throw ApiException.unprocessable("<" + xml.getLocalName()
					+ "> must hold the raw text of the message (type=\"text\"), not " + type + ".");
		}
		StringBuilder text = new StringBuilder();
		while (true) {
			int event = xml.next();
			switch (event) {
				case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
					text.append(xml.getText());
				case XMLStreamConstants.END_ELEMENT -> {
					return text.toString();
				}
				case XMLStreamConstants.START_ELEMENT -> throw ApiException
					.unprocessable("<" + xml.getLocalName() + "> inside a text element: send the text itself.");
				case XMLStreamConstants.DTD, XMLStreamConstants.ENTITY_REFERENCE ->
					throw ApiException.unprocessable("Entities other than XML's own are not accepted.");
				default -> {
				}
			}
		}
	}

	private static long messageNumber(String reference, String where) {
		Matcher matcher = MESSAGE_REF.matcher(reference);
		if (!matcher.matches()) {
			throw ApiException.unprocessable(where + " must be message:N or uuid:…, not \"" + shorten(reference) + "\".");
		}
		return Long.parseLong((matcher.group(2) != null) ? matcher.group(2) : matcher.group(1));
	}

	private static UUID uuid(String reference, String where) {
		Matcher matcher = UUID_REF.matcher(reference);
		if (matcher.matches()) {
			try {
				return UUID.fromString(matcher.group(1));
			}
			catch (IllegalArgumentException ex) {
				// refused below
			}
		}
		throw ApiException.unprocessable(where + " must be message:N or uuid:…, not \"" + shorten(reference) + "\".");
	}

	private static String shorten(String text) {
		return (text.length() > 60) ? text.substring(0, 60) + "…" : text;
	}

	private static XMLInputFactory factory() {
		XMLInputFactory factory = XMLInputFactory.newFactory();
		factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
		factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
		factory.setXMLResolver((publicId, systemId, base, namespace) -> {
			throw new XMLStreamException("No external resource is read");
		});
		return factory;
	}

}
