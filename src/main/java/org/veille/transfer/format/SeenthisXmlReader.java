package org.veille.transfer.format;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.jspecify.annotations.Nullable;
import org.veille.markup.Hashtag;
import org.veille.markup.MarkupParser;
import org.veille.markup.ParsedMessage;
import org.veille.markup.TagKeys;
import org.veille.transfer.format.ImportFormatException.Problem;
import org.veille.transfer.format.SkippedBookmark.Reason;

/**
 * Reads Seenthis messages from XML with StAX, one message at a time, in either of the two shapes Seenthis gives them
 * (see docs/transfer.md):
 * <ul>
 * <li>{@code <message>} elements, as Seenthis renders one message in XML and as Veille's export writes them inside a
 * {@code <messages>} root: {@code <date>}, {@code <text>} (the raw text), {@code <tags><tag>},
 * {@code <urls><url>}; Veille adds the attributes {@code id}, {@code kind} ({@code message}, {@code reply} or
 * {@code share}) and {@code thread};</li>
 * <li>the Atom entries of the Seenthis API ({@code <feed><entry>}), whose {@code <summary>} holds the raw text,
 * {@code <published>} the date, {@code <link rel="related">} the cited URLs, {@code <category>} the tags and
 * {@code <thr:in-reply-to>} marks a reply.</li>
 * </ul>
 * The text is kept as written (it is Seenthis markup, which Veille reads alike); listed tags missing from it are
 * added at its end. Shared messages (someone else's) are skipped, replies too unless asked for. Document type
 * declarations are refused outright, so no entity, internal or external, is ever expanded or fetched.
 */
final class SeenthisXmlReader {

	private static final int MAX_DEPTH = 64;

	private static final int MAX_LIST = 1000;

	private final XmlRunGuard in;

	private final TextInput input;

	private final ImportOptions options;

	private final BookmarkSink sink;

	private final List<String> open = new ArrayList<>();

	private final List<Long> openLines = new ArrayList<>();

	private boolean atom;

	private @Nullable Message message;

	private SeenthisXmlReader(TextInput input, ImportOptions options, BookmarkSink sink) {
		this.in = new XmlRunGuard(input);
		this.input = input;
		this.options = options;
		this.sink = sink;
	}

	static void read(TextInput input, ImportOptions options, BookmarkSink sink) throws IOException, ImportFormatException {
		new SeenthisXmlReader(input, options, sink).run();
	}

	/** A message being read. */
	private static final class Message {

		final int depth;

		final long line;

		final long column;

		@Nullable String id;

		boolean isReply;

		boolean isShare;

		final FieldBuffer text = new FieldBuffer();

		final FieldBuffer date = new FieldBuffer();

		final FieldBuffer updated = new FieldBuffer();

		final FieldBuffer entryId = new FieldBuffer();

		final FieldBuffer item = new FieldBuffer();

		final List<String> tags = new ArrayList<>();

		final List<String> urls = new ArrayList<>();

		@Nullable FieldBuffer capture;

		@Nullable String tooLong;

		Message(int depth, long line, long column) {
			this.depth = depth;
			this.line = line;
			this.column = column;
		}

	}

	private void run() throws IOException, ImportFormatException {
		XMLStreamReader xml;
		try {
			xml = factory().createXMLStreamReader(this.in);
		}
		catch (XMLStreamException ex) {
			throw failureOf(ex);
		}
		try {
			while (xml.hasNext()) {
				event(xml, xml.next());
			}
		}
		catch (XMLStreamException ex) {
			throw failureOf(ex);
		}
		finally {
			closeQuietly(xml);
		}
		if (!this.open.isEmpty()) {
			throw truncatedInside();
		}
	}

	private void event(XMLStreamReader xml, int event) throws XMLStreamException, ImportFormatException {
		switch (event) {
			case XMLStreamConstants.DTD -> throw ImportFormatException.at(Problem.FORBIDDEN,
					"a document type declaration (<!DOCTYPE \u2026>): refused, since its entities can make a parser"
							+ " read other files",
					xml.getLocation().getLineNumber(), xml.getLocation().getColumnNumber());
			case XMLStreamConstants.START_ELEMENT -> startElement(xml);
			case XMLStreamConstants.END_ELEMENT -> endElement(xml);
			case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
				Message current = this.message;
				if (current != null && current.capture != null) {
					current.capture.append(new String(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength()));
				}
			}
			default -> {
				// comments, processing instructions, the document's start and end
			}
		}
	}

	private void startElement(XMLStreamReader xml) throws ImportFormatException {
		String name = xml.getLocalName();
		Location location = xml.getLocation();
		if (this.open.size() >= MAX_DEPTH) {
			throw ImportFormatException.at(Problem.MALFORMED, "elements nested more than " + MAX_DEPTH + " deep",
					location.getLineNumber(), location.getColumnNumber());
		}
		this.open.add(name);
		this.openLines.add((long) location.getLineNumber());
		int depth = this.open.size();
		if (depth == 1) {
			this.atom = name.equals("feed");
			if (!this.atom && !name.equals("messages") && !name.equals("message")) {
				throw ImportFormatException.at(Problem.UNKNOWN_FORMAT, "an XML document whose root element is <" + name
						+ ">; a Seenthis export has <messages> (or <message>) or an Atom <feed>",
						location.getLineNumber(), location.getColumnNumber());
			}
		}
		Message current = this.message;
		if (current == null) {
			if (name.equals(this.atom ? "entry" : "message")) {
				startMessage(xml, depth, location);
			}
			return;
		}
		current.capture = null;
		switch (name) {
			case "text", "summary" -> current.capture = current.text;
			case "date", "published" -> current.capture = current.date;
			case "updated" -> current.capture = current.updated;
			case "id" -> current.capture = this.atom ? current.entryId : null;
			case "tag", "url" -> {
				current.item.clear();
				current.capture = current.item;
			}
			case "category" -> addTo(current, current.tags, categoryOf(xml), "tags");
			case "link" -> {
				if ("related".equals(xml.getAttributeValue(null, "rel"))) {
					addTo(current, current.urls, xml.getAttributeValue(null, "href"), "links");
				}
			}
			case "in-reply-to" -> current.isReply = true;
			default -> {
				// author, title, content and the rest: not needed
			}
		}
	}

	private void startMessage(XMLStreamReader xml, int depth, Location location) {
		Message started = new Message(depth, location.getLineNumber(), location.getColumnNumber());
		started.id = xml.getAttributeValue(null, "id");
		String kind = xml.getAttributeValue(null, "kind");
		started.isReply = "reply".equals(kind) || xml.getAttributeValue(null, "thread") != null;
		started.isShare = "share".equals(kind);
		this.message = started;
	}

	private void endElement(XMLStreamReader xml) {
		String name = xml.getLocalName();
		int depth = this.open.size();
		this.open.remove(depth - 1);
		this.openLines.remove(depth - 1);
		Message current = this.message;
		if (current == null) {
			return;
		}
		if (depth == current.depth) {
			this.message = null;
			finish(current);
			return;
		}
		if (current.capture == current.item && (name.equals("tag") || name.equals("url"))) {
			if (current.item.isTooLong()) {
				current.tooLong = name;
			}
			else {
				addTo(current, name.equals("tag") ? current.tags : current.urls, current.item.toString(), name + "s");
			}
		}
		current.capture = null;
	}

	private void addTo(Message current, List<String> list, @Nullable String value, String what) {
		if (value == null || value.isBlank()) {
			return;
		}
		if (list.size() >= MAX_LIST) {
			current.tooLong = "more than " + MAX_LIST + " " + what;
			return;
		}
		list.add(value.strip());
	}

	/** The tag of an Atom category; Seenthis's automatic themes ({@code oc:…}) are not the author's tags. */
	private static @Nullable String categoryOf(XMLStreamReader xml) {
		String term = xml.getAttributeValue(null, "term");
		return (term == null || term.indexOf(':') >= 0) ? null : term;
	}

	private void finish(Message done) {
		String id = (done.id != null) ? done.id : done.entryId.toString().strip();
		if (done.isShare) {
			skip(done, Reason.SHARED, id);
			return;
		}
		if (done.isReply && !this.options.includeReplies()) {
			skip(done, Reason.REPLY, id);
			return;
		}
		String tooLong = (done.tooLong != null) ? done.tooLong : done.text.isTooLong() ? "text" : null;
		if (tooLong != null) {
			skip(done, Reason.TOO_LONG, tooLong.startsWith("more than") ? tooLong
					: tooLong + " longer than " + Limits.MAX_FIELD_CHARS + " characters");
			return;
		}
		String text = done.text.toString().replace("\r\n", "\n").replace('\r', '\n').strip();
		if (text.isEmpty()) {
			skip(done, Reason.NOT_A_BOOKMARK, "a message without text");
			return;
		}
		ParsedMessage parsed = MarkupParser.parse(withListedTags(text, done.tags));
		String url = null;
		for (String listed : done.urls) {
			url = WebAddresses.normalize(listed);
			if (url != null) {
				break;
			}
		}
		if (url == null && !parsed.urls().isEmpty()) {
			url = parsed.urls().get(0);
		}
		String date = done.date.toString();
		this.sink.accept(new Bookmark(url, parsed.title(), null, parsed.tags().stream().map(Hashtag::display).toList(),
				Dates.ofIso(date.isBlank() ? done.updated.toString() : date), false, id.isEmpty() ? null : id,
				parsed.text()));
	}

	/** The text with the listed tags it does not already carry added as hashtags at its end. */
	private static String withListedTags(String text, List<String> listed) {
		if (listed.isEmpty()) {
			return text;
		}
		Set<String> present = new LinkedHashSet<>();
		for (Hashtag tag : MarkupParser.parse(text).tags()) {
			present.add(tag.key());
		}
		StringBuilder missing = new StringBuilder();
		for (String tag : listed) {
			String body = Hashtags.bodyOf(tag);
			if (body != null && present.add(TagKeys.fold(body))) {
				missing.append(missing.length() == 0 ? "" : " ").append('#').append(body);
			}
		}
		return (missing.length() == 0) ? text : text + "\n\n" + missing;
	}

	private void skip(Message done, Reason reason, String detail) {
		this.sink.skip(new SkippedBookmark(done.line, done.column, reason, detail));
	}

	private ImportFormatException failureOf(XMLStreamException ex) {
		ImportFormatException carried = ImportFailure.find(ex);
		if (carried != null) {
			return carried;
		}
		Location location = ex.getLocation();
		long line = (location != null) ? Math.max(0, location.getLineNumber()) : 0;
		long column = (location != null) ? Math.max(0, location.getColumnNumber()) : 0;
		String message = String.valueOf(ex.getMessage());
		int at = message.indexOf("Message: ");
		String reason = (at >= 0) ? message.substring(at + "Message: ".length()).strip() : message.strip();
		boolean atEnd = this.input.ended() && (line == 0 || line >= this.input.line() - 1);
		if (atEnd && (reason.contains("same entity") || line >= this.input.line())) {
			return truncatedInside();
		}
		return ImportFormatException.at(Problem.MALFORMED, "invalid XML: " + reason, line, column);
	}

	private ImportFormatException truncatedInside() {
		String where = this.open.isEmpty() ? "before its root element"
				: "inside <" + this.open.get(this.open.size() - 1) + "> opened at line "
						+ this.openLines.get(this.openLines.size() - 1);
		return ImportFormatException.at(Problem.TRUNCATED, "the file ends " + where + ": it was cut short",
				this.input.line(), this.input.column());
	}

	private static XMLInputFactory factory() {
		XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
		factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
		factory.setProperty(XMLInputFactory.IS_COALESCING, false);
		factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
		factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
		factory.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
			throw new XMLStreamException("refused to read " + systemId);
		});
		return factory;
	}

	private static void closeQuietly(XMLStreamReader xml) {
		try {
			xml.close();
		}
		catch (XMLStreamException ex) {
			// closing releases the parser's buffers only; the input belongs to the caller
		}
	}

}
