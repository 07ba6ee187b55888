package org.veille.blogfeed;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.module.DCSubject;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.ParsingFeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import org.jspecify.annotations.Nullable;

import org.veille.outbound.LenientUris;

/**
 * Reads an RSS (0.9x, 1.0/RDF, 2.0) or Atom (0.3, 1.0) feed with Rome into {@link FeedEntry entries}: plain text
 * (HTML in titles and summaries taken out with jsoup), links made absolute against the feed's own address (or the
 * {@code xml:base} of an Atom feed and of its entry, itself resolved against the address), dates
 * as Rome reads them (many odd forms; an unreadable date is no date). The charset is found as Rome's
 * {@link XmlReader} finds it (BOM, HTTP header, XML declaration, leniently). A DOCTYPE is refused, as Rome does by
 * default: it is how entity-expansion attacks come. Pure: no network, no database.
 */
final class FeedReader {

	/** Longest excerpt, in characters; a longer summary is cut after a word, with "…". */
	static final int EXCERPT = 500;

	/** Categories kept per entry (a message holds 50 tags at most). */
	static final int CATEGORIES = 20;

	private FeedReader() {
	}

	/**
	 * @param contentType the {@code Content-Type} of the answer, when it had one
	 * @param address where the feed was read from (after redirects): relative links are resolved against it
	 * @throws FeedUnreadableException when the body is not a feed Rome reads
	 */
	static FeedDocument read(byte[] body, @Nullable String contentType, URI address) throws FeedUnreadableException {
		SyndFeed feed = parse(body, contentType);
		WireFeed wire = feed.originalWireFeed();
		URI feedBase = (wire instanceof Feed atom) ? based(address, atom.getXmlBase()) : address;
		List<FeedEntry> entries = new ArrayList<>();
		int unidentified = 0;
		int position = 0;
		for (SyndEntry entry : feed.getEntries()) {
			URI base = (entry.getWireEntry() instanceof Entry atomEntry) ? based(feedBase, atomEntry.getXmlBase())
					: feedBase;
			String link = link(entry, base);
			String key = firstNonBlank(entry.getUri(), link);
			if (key == null) {
				unidentified++;
				continue;
			}
			entries.add(new FeedEntry(key.strip(), title(entry), link, summary(entry), categories(entry),
					date(entry), position++));
		}
		String title = (feed.getTitle() != null) ? HtmlText.line(feed.getTitle()) : "";
		return new FeedDocument(title, entries, unidentified);
	}

	private static SyndFeed parse(byte[] body, @Nullable String contentType) throws FeedUnreadableException {
		SyndFeedInput input = new SyndFeedInput(false, Locale.US);
		// The wire feed kept: Rome leaves Atom's xml:base there, not in the entries it gives.
		input.setPreserveWireFeed(true);
		input.setAllowDoctypes(false);
		try (XmlReader reader = (contentType != null)
				? new XmlReader(new ByteArrayInputStream(body), contentType, true)
				: new XmlReader(new ByteArrayInputStream(body), true)) {
			return input.build(reader);
		}
		catch (ParsingFeedException ex) {
			if (looksLikeHtml(body)) {
				throw new FeedUnreadableException("blogfeeds.error.not-a-feed", "an HTML page", ex);
			}
			String where = (ex.getLineNumber() > 0) ? "line " + ex.getLineNumber() + ": " : "";
			throw new FeedUnreadableException("blogfeeds.error.broken-xml", where + rootMessage(ex), ex);
		}
		catch (IllegalArgumentException | FeedException ex) {
			throw new FeedUnreadableException("blogfeeds.error.not-a-feed", rootMessage(ex), ex);
		}
		catch (IOException ex) {
			throw new FeedUnreadableException("blogfeeds.error.broken-xml", rootMessage(ex), ex);
		}
	}

	/** Whether the body starts as an HTML page does (the address of a blog rather than of its feed). */
	private static boolean looksLikeHtml(byte[] body) {
		String start = new String(body, 0, Math.min(body.length, 512), StandardCharsets.ISO_8859_1)
			.stripLeading()
			.toLowerCase(Locale.ROOT);
		return start.startsWith("<!doctype html") || start.startsWith("<html");
	}

	/**
	 * The base an {@code xml:base} sets (XML Base: resolved against the enclosing one); the enclosing one when there
	 * is none or it does not give an http(s) address.
	 */
	private static URI based(URI enclosing, @Nullable String xmlBase) {
		if (xmlBase == null || xmlBase.isBlank()) {
			return enclosing;
		}
		URI resolved = LenientUris.resolve(enclosing, xmlBase.strip());
		return (resolved != null && LenientUris.parseHttp(resolved.toString()) != null) ? resolved : enclosing;
	}

	/** The entry's link: its own, else its first alternate link, absolute and http(s); else null. */
	private static @Nullable String link(SyndEntry entry, URI address) {
		String written = entry.getLink();
		if (written == null || written.isBlank()) {
			written = entry.getLinks().stream()
				.filter((l) -> l.getRel() == null || l.getRel().equals("alternate"))
				.map(SyndLink::getHref)
				.filter((href) -> href != null && !href.isBlank())
				.findFirst()
				.orElse(null);
		}
		if (written == null || written.isBlank()) {
			return null;
		}
		URI resolved = LenientUris.resolve(address, written.strip());
		if (resolved == null || LenientUris.parseHttp(resolved.toString()) == null) {
			return null;
		}
		return resolved.toASCIIString();
	}

	private static String title(SyndEntry entry) {
		SyndContent title = entry.getTitleEx();
		String value = (title != null) ? title.getValue() : entry.getTitle();
		return (value != null) ? HtmlText.line(value) : "";
	}

	private static @Nullable String summary(SyndEntry entry) {
		SyndContent content = entry.getDescription();
		if ((content == null || isBlank(content.getValue())) && !entry.getContents().isEmpty()) {
			content = entry.getContents().get(0);
		}
		if (content == null || isBlank(content.getValue())) {
			return null;
		}
		String text = HtmlText.of(content.getValue());
		return text.isEmpty() ? null : excerpt(text);
	}

	/** At most {@value #EXCERPT} characters, cut after a word (never inside a link) with "…". */
	static String excerpt(String text) {
		if (text.codePointCount(0, text.length()) <= EXCERPT) {
			return text;
		}
		String cut = text.substring(0, text.offsetByCodePoints(0, EXCERPT));
		int blank = Math.max(cut.lastIndexOf(' '), cut.lastIndexOf('\n'));
		if (blank > EXCERPT / 2) {
			cut = cut.substring(0, blank);
		}
		return cut.stripTrailing() + "…";
	}

	/** The categories, else the Dublin Core subjects (as RSS 1.0 feeds give them). */
	private static List<String> categories(SyndEntry entry) {
		Stream<String> names = entry.getCategories().stream().map(SyndCategory::getName);
		if (entry.getCategories().isEmpty() && entry.getModule(DCModule.URI) instanceof DCModule dublinCore) {
			names = dublinCore.getSubjects().stream().map(DCSubject::getValue);
		}
		return names
			.filter((name) -> name != null && !name.isBlank())
			.map(HtmlText::line)
			.limit(CATEGORIES)
			.toList();
	}

	private static @Nullable Instant date(SyndEntry entry) {
		Date date = (entry.getPublishedDate() != null) ? entry.getPublishedDate() : entry.getUpdatedDate();
		return (date != null) ? date.toInstant() : null;
	}

	private static @Nullable String firstNonBlank(@Nullable String first, @Nullable String second) {
		return !isBlank(first) ? first : !isBlank(second) ? second : null;
	}

	private static boolean isBlank(@Nullable String text) {
		return text == null || text.isBlank();
	}

	private static String rootMessage(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String message = root.getMessage();
		return (message == null || message.isBlank()) ? root.getClass().getSimpleName() : message;
	}

}
