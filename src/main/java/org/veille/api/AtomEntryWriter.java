package org.veille.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.rometools.rome.feed.atom.Category;
import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jdom2.output.Format;
import org.jdom2.output.LineSeparator;
import org.jdom2.output.XMLOutputter;
import org.jspecify.annotations.Nullable;

import org.veille.api.ApiQueries.ApiMessage;
import org.veille.feed.AtomTimes;
import org.veille.markup.Hashtag;
import org.veille.markup.MarkupParser;
import org.veille.markup.ParsedMessage;
import org.veille.text.XmlChars;

/**
 * Writes messages as Seenthis's API does, with Rome: an Atom entry whose {@code <summary>} is the raw text,
 * {@code <id>} is {@code message:N}, with its tags as categories, its links as {@code related} links and, for
 * a reply, {@code thr:in-reply-to}. Times are to the millisecond, as in the feeds ({@link AtomTimes}); texts
 * go in without the characters XML 1.0 forbids ({@link XmlChars}).
 */
final class AtomEntryWriter {

	private static final Namespace ATOM = Namespace.getNamespace(AtomEntryReader.ATOM);

	private static final Namespace THREADING = Namespace.getNamespace("thr", AtomEntryReader.THREADING);

	/** Not indented: a summary is the message's text as typed, which indenting would change. */
	private static final Format FORMAT = Format.getRawFormat().setLineSeparator(LineSeparator.NL);

	private AtomEntryWriter() {
	}

	/** One entry as a whole document. */
	static String entry(String base, ApiMessage message) {
		Feed holder = new Feed("atom_1.0");
		holder.setEntries(List.of(romeEntry(XmlChars.strip(base), message)));
		Document document = document(holder, new AtomTimes(message.updatedAt(), List.of(times(message))));
		return output(new Document(document.getRootElement().getChild("entry", ATOM).detach()));
	}

	/** A page of a person's messages, with {@code rel="next"} when another page follows. */
	static String feed(String base, String selfPath, String pagePath, String title, List<ApiMessage> messages,
			@Nullable String nextPath) {
		String site = XmlChars.strip(base);
		Instant updated = messages.stream().map(ApiMessage::updatedAt).max(Instant::compareTo).orElse(Instant.EPOCH);
		Feed feed = new Feed("atom_1.0");
		feed.setId(site + selfPath);
		feed.setTitle(XmlChars.strip(title));
		feed.setUpdated(Date.from(updated));
		feed.setAlternateLinks(List.of(link("alternate", site + pagePath, "text/html")));
		List<Link> others = new ArrayList<>(List.of(link("self", site + selfPath, "application/atom+xml")));
		if (nextPath != null) {
			others.add(link("next", site + nextPath, "application/atom+xml"));
		}
		feed.setOtherLinks(others);
		feed.setEntries(messages.stream().map((message) -> romeEntry(site, message)).toList());
		return output(document(feed, new AtomTimes(updated, messages.stream().map(AtomEntryWriter::times).toList())));
	}

	private static Entry romeEntry(String site, ApiMessage message) {
		String text = XmlChars.strip(message.body());
		Entry entry = new Entry();
		entry.setId("message:" + message.id());
		entry.setTitle(XmlChars.strip(message.title()));
		Person author = new Person();
		author.setName(XmlChars.strip(message.authorShownName()));
		author.setUri(site + "/people/" + message.authorLogin());
		entry.setAuthors(List.<SyndPerson>of(author));
		entry.setPublished(Date.from(message.createdAt()));
		entry.setUpdated(Date.from(message.updatedAt()));
		String page = (message.threadId() == null) ? "/messages/" + message.id()
				: "/messages/" + message.threadId() + "#m" + message.id();
		entry.setAlternateLinks(List.of(link("alternate", site + page, "text/html")));
		ParsedMessage parsed = MarkupParser.parse(text);
		entry.setOtherLinks(parsed.urls().stream().map((url) -> link("related", url, null)).toList());
		entry.setCategories(parsed.filedTags().stream().map((tag) -> category(site, tag)).toList());
		if (message.threadId() != null) {
			Element inReplyTo = new Element("in-reply-to", THREADING);
			inReplyTo.setAttribute("ref", "message:" + message.threadId());
			inReplyTo.setAttribute("href", site + "/messages/" + message.threadId());
			inReplyTo.setAttribute("type", "text/html");
			entry.setForeignMarkup(List.of(inReplyTo));
		}
		Content summary = new Content();
		summary.setType(Content.TEXT);
		summary.setValue(text);
		entry.setSummary(summary);
		return entry;
	}

	private static AtomTimes.Entry times(ApiMessage message) {
		return new AtomTimes.Entry(message.createdAt(), message.updatedAt());
	}

	private static Link link(String rel, String href, @Nullable String type) {
		Link link = new Link();
		link.setRel(rel);
		link.setHref(href);
		link.setType(type);
		return link;
	}

	private static Category category(String site, Hashtag tag) {
		Category category = new Category();
		category.setTerm(tag.key());
		category.setLabel(tag.display());
		category.setScheme(site + "/tag/");
		return category;
	}

	/** Rome's document of the feed, with the times to the millisecond. */
	private static Document document(Feed feed, AtomTimes times) {
		try {
			Document document = new WireFeedOutput().outputJDom(feed);
			times.writeInto(document);
			return document;
		}
		catch (FeedException ex) {
			throw new IllegalStateException("Rome could not write the Atom of " + feed.getEntries().size() + " messages",
					ex);
		}
	}

	/** The document as text, the threading namespace declared once on its root as it always was. */
	private static String output(Document document) {
		document.getRootElement().addNamespaceDeclaration(THREADING);
		return new XMLOutputter(FORMAT).outputString(document);
	}

}
