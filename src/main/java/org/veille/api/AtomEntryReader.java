package org.veille.api;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedInput;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.JDOMException;
import org.jdom2.Namespace;
import org.jdom2.UncheckedJDOMFactory;
import org.jdom2.input.JDOMParseException;
import org.jdom2.input.SAXBuilder;
import org.jspecify.annotations.Nullable;

import org.veille.text.XmlChars;

/**
 * Reads the Atom {@code <entry>} a client posts, with Rome: its {@code <id>} ({@code message:N} to update,
 * {@code uuid:…} for an idempotent create), its text ({@code <summary>}, else {@code <content>}) and the
 * message it answers ({@code <thr:in-reply-to ref>}). Rome's SAX builder refuses a DTD, so no entity is
 * ever declared or expanded, and reads no external resource. XML 1.0 refuses the characters it forbids;
 * the control characters an XML 1.1 entry may carry as references are removed from the text
 * ({@link XmlChars}).
 */
final class AtomEntryReader {

	static final String ATOM = "http://www.w3.org/2005/Atom";

	static final String THREADING = "http://purl.org/syndication/thread/1.0";

	/** An entry needs 3 levels (entry, author, name); Rome copies foreign markup recursively, so depth is bounded. */
	static final int MAX_DEPTH = 64;

	private static final Namespace ATOM_NAMESPACE = Namespace.getNamespace(ATOM);

	private static final Pattern MESSAGE_REF = Pattern.compile(
			"(?:message:|.*/messages/)?(\\d{1,18})(?:#m(\\d{1,18}))?", Pattern.CASE_INSENSITIVE);

	private static final Pattern UUID_REF = Pattern.compile("(?:urn:)?uuid:([0-9a-f-]{36})", Pattern.CASE_INSENSITIVE);

	/** What an entry asks for. */
	record PostedEntry(@Nullable Long messageId, @Nullable UUID uuid, String text, @Nullable Long inReplyTo,
			@Nullable UUID inReplyToUuid) {
	}

	private AtomEntryReader() {
	}

	static PostedEntry read(byte[] body) {
		EntryInput input = new EntryInput();
		Element root = input.document(body).getRootElement();
		if (!"entry".equals(root.getName()) || !ATOM.equals(root.getNamespaceURI())) {
			throw ApiException.unprocessable(
					"The body must be an Atom entry: an <entry> element in the namespace " + ATOM + ".");
		}
		Entry entry = input.entry(root);
		String summary = text(root, "summary", entry.getSummary());
		String content = text(root, "content", entry.getContents().isEmpty() ? null : entry.getContents().get(0));
		String text = (summary != null && !summary.isBlank()) ? summary : content;
		if (text == null || text.isBlank()) {
			throw ApiException.unprocessable("The entry has no text: put the message in <summary> or <content>.");
		}
		Long messageId = null;
		UUID uuid = null;
		if (entry.getId() != null && !entry.getId().isBlank()) {
			String id = entry.getId().strip();
			if (id.toLowerCase(Locale.ROOT).startsWith("message:")) {
				messageId = messageNumber(id, "<id>");
			}
			else {
				uuid = uuid(id, "<id>");
			}
		}
		Long inReplyTo = null;
		UUID inReplyToUuid = null;
		String reply = replyReference(entry);
		if (reply != null && !reply.isBlank()) {
			String trimmed = reply.strip();
			if (UUID_REF.matcher(trimmed).matches()) {
				inReplyToUuid = uuid(trimmed, "thr:in-reply-to");
			}
			else {
				inReplyTo = messageNumber(trimmed, "thr:in-reply-to");
			}
		}
		return new PostedEntry(messageId, uuid, text, inReplyTo, inReplyToUuid);
	}

	/**
	 * The raw text of the entry's summary or content, null when it has none. HTML and XHTML are refused (the API
	 * takes raw message text), and so is an element inside the text, which Rome would leave out.
	 */
	private static @Nullable String text(Element root, String name, @Nullable Content content) {
		if (content == null) {
			return null;
		}
		if (content.getType() != null && !content.getType().equals(Content.TEXT)) {
			throw ApiException.unprocessable("<" + name + "> must hold the raw text of the message (type=\"text\"), not "
					+ content.getType() + ".");
		}
		Element element = root.getChild(name, ATOM_NAMESPACE);
		if (element != null && !element.getChildren().isEmpty()) {
			throw ApiException.unprocessable("<" + name + "> holds an element, <"
					+ element.getChildren().get(0).getQualifiedName() + ">: send the text itself, with < written &lt;.");
		}
		return XmlChars.strip(content.getValue());
	}

	/** The {@code ref} of {@code <thr:in-reply-to>} (RFC 4685), else its {@code href}. */
	private static @Nullable String replyReference(Entry entry) {
		for (Element markup : entry.getForeignMarkup()) {
			if ("in-reply-to".equals(markup.getName()) && THREADING.equals(markup.getNamespaceURI())) {
				String ref = markup.getAttributeValue("ref");
				return (ref != null) ? ref : markup.getAttributeValue("href");
			}
		}
		return null;
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

	/** Rome's input, whose SAX builder it hardens (no DTD, no external entity, no external DTD). */
	private static final class EntryInput extends WireFeedInput {

		Document document(byte[] body) {
			SAXBuilder builder = createSAXBuilder();
			// The parser checks characters against the document's own XML version; JDOM's default factory checks
			// them again against XML 1.0, and would throw on the control characters XML 1.1 allows as references.
			builder.setJDOMFactory(new UncheckedJDOMFactory());
			builder.setProperty("jdk.xml.maxElementDepth", String.valueOf(MAX_DEPTH));
			try {
				return builder.build(new ByteArrayInputStream(body));
			}
			catch (JDOMParseException ex) {
				throw refusal(ex);
			}
			catch (JDOMException | IOException ex) {
				throw ApiException.unprocessable("The body is not well-formed XML.");
			}
		}

		/** Rome reads entries within a feed: the posted entry is read as the one entry of a feed. */
		Entry entry(Element root) {
			Element feed = new Element("feed", ATOM_NAMESPACE).addContent(root.detach());
			try {
				return ((Feed) build(new Document(feed))).getEntries().get(0);
			}
			catch (FeedException | IllegalArgumentException ex) {
				throw ApiException.unprocessable("The entry could not be read as Atom.");
			}
		}

		/** The parser's sentences are in the server's language; the settings they name are not. */
		private static ApiException refusal(JDOMParseException ex) {
			String reason = String.valueOf(ex.getMessage());
			if (reason.contains("disallow-doctype-decl")) {
				return ApiException.unprocessable("A document type declaration (<!DOCTYPE>) is not accepted.");
			}
			if (reason.contains("maxElementDepth")) {
				return ApiException.unprocessable("Elements may nest at most " + MAX_DEPTH + " deep in an entry.");
			}
			String where = (ex.getLineNumber() > 0)
					? " at line " + ex.getLineNumber() + ", column " + ex.getColumnNumber() : "";
			return ApiException.unprocessable("The body is not well-formed XML" + where + ".");
		}

	}

}
