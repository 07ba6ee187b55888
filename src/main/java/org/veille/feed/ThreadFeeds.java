package org.veille.feed;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import com.rometools.rome.feed.atom.Category;
import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.feed.synd.SyndPerson;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.ModelAndView;

import org.veille.siteinfo.CurrentSiteInfo;
import org.veille.siteinfo.SiteInfo;
import org.veille.text.XmlChars;
import org.veille.thread.LinkCard;
import org.veille.thread.TagChip;
import org.veille.thread.ThreadPage;
import org.veille.thread.ThreadSummary;
import org.veille.web.Cursor;
import org.veille.web.PublicUrls;

/**
 * Answers a feed request for a list of threads (DESIGN §6): 304 when the reader's copy is current,
 * else an Atom document with an entry per thread. Its title ends with the site's name (a feed of the whole
 * site has only that name), and the site's description is its subtitle. Every text goes in without the characters XML 1.0
 * forbids ({@link XmlChars}): the inputs remove them, and rows stored before may still hold some.
 */
@Component
public class ThreadFeeds {

	/** Veille's WebSub hub (websub.WebSubHubController), announced in every feed. */
	public static final String HUB_PATH = "/websub/hub";

	/** The Atom Threading Extensions (RFC 4685). */
	private static final Namespace THREADING = Namespace.getNamespace("thr", "http://purl.org/syndication/thread/1.0");

	private final PublicUrls publicUrls;

	private final CurrentSiteInfo siteInfo;

	ThreadFeeds(PublicUrls publicUrls, CurrentSiteInfo siteInfo) {
		this.publicUrls = publicUrls;
		this.siteInfo = siteInfo;
	}

	/**
	 * The view for this feed, or null when the request's {@code If-None-Match} or
	 * {@code If-Modified-Since} shows the reader's copy is current (the 304 is then already set).
	 * @param threads supplies the threads only when the feed must be written
	 */
	public @Nullable ModelAndView respond(ServletWebRequest request, FeedDescription description,
			Supplier<List<ThreadSummary>> threads) {
		return respond(request, description, threads, null);
	}

	/**
	 * The same for the feed of a thread's replies: each entry says which thread it answers
	 * ({@code thr:in-reply-to}, RFC 4685).
	 */
	public @Nullable ModelAndView respondWithReplies(ServletWebRequest request, FeedDescription description,
			ThreadSummary thread, Supplier<List<ThreadSummary>> replies) {
		return respond(request, description, replies, thread);
	}

	/**
	 * The same for a paged feed (RFC 5005 archives): {@code ?before=} names the page, and each page
	 * but the last links the next, older one with {@code rel="next"}.
	 * @param page reads the page of threads after the cursor (null: the newest)
	 */
	public @Nullable ModelAndView respondPaged(ServletWebRequest request, FeedDescription description,
			@Nullable String before, Function<@Nullable Cursor, ThreadPage> page) {
		Cursor cursor = Cursor.parse(before);
		FeedDescription paged = (cursor == null) ? description
				: new FeedDescription(description.title(), description.pagePath(),
						withBefore(description.selfPath(), cursor.token()), description.lastChange());
		return respondWith(request, paged, () -> {
			ThreadPage threads = page.apply(cursor);
			String next = (threads.next() != null) ? withBefore(description.selfPath(), threads.next().token()) : null;
			return new Paged(threads.threads(), next);
		}, null);
	}

	private static String withBefore(String path, String token) {
		return path + (path.contains("?") ? "&" : "?") + "before=" + token;
	}

	/** The entries of one page and the path of the next, older one. */
	private record Paged(List<ThreadSummary> threads, @Nullable String nextPath) {
	}

	private @Nullable ModelAndView respond(ServletWebRequest request, FeedDescription description,
			Supplier<List<ThreadSummary>> threads, @Nullable ThreadSummary inReplyTo) {
		return respondWith(request, description, () -> new Paged(threads.get(), null), inReplyTo);
	}

	private @Nullable ModelAndView respondWith(ServletWebRequest request, FeedDescription description,
			Supplier<Paged> threads, @Nullable ThreadSummary inReplyTo) {
		SiteInfo site = this.siteInfo.get();
		String etag = "W/\"" + Integer.toHexString(description.selfPath().hashCode() ^ site.hashCode()) + "-"
				+ description.lastChange().toEpochMilli() + "\"";
		if (request.checkNotModified(etag, description.lastChange().toEpochMilli())) {
			return null;
		}
		request.getResponse().setHeader(HttpHeaders.CACHE_CONTROL, "public, max-age=60");
		Paged paged = threads.get();
		AtomTimes times = new AtomTimes(description.lastChange(), paged.threads()
			.stream()
			.map((thread) -> new AtomTimes.Entry(thread.publishedAt(), thread.entryUpdatedAt()))
			.toList());
		return new ModelAndView(
				new AtomFeedView(feed(site, description, paged.threads(), paged.nextPath(), inReplyTo), times));
	}

	private Feed feed(SiteInfo site, FeedDescription description, List<ThreadSummary> threads,
			@Nullable String nextPath, @Nullable ThreadSummary inReplyTo) {
		String base = this.publicUrls.base();
		Feed feed = new Feed("atom_1.0");
		feed.setId(xml(base + description.selfPath()));
		feed.setTitle(xml(description.title().isEmpty() ? site.name() : description.title() + " — " + site.name()));
		if (!site.description().isEmpty()) {
			Content subtitle = new Content();
			subtitle.setValue(xml(site.description()));
			feed.setSubtitle(subtitle);
		}
		feed.setUpdated(Date.from(description.lastChange()));
		feed.setAlternateLinks(List.of(link("alternate", base + description.pagePath(), "text/html", null)));
		List<Link> links = new ArrayList<>();
		links.add(link("self", base + description.selfPath(), AtomFeedView.CONTENT_TYPE, null));
		if (nextPath != null) {
			links.add(link("next", base + nextPath, AtomFeedView.CONTENT_TYPE, null));
		}
		links.add(link("hub", base + HUB_PATH, null, null));
		feed.setOtherLinks(links);
		feed.setGenerator(generator());
		feed.setEntries(threads.stream().map((thread) -> entry(base, thread, inReplyTo)).toList());
		return feed;
	}

	private static Entry entry(String base, ThreadSummary thread, @Nullable ThreadSummary inReplyTo) {
		Entry entry = new Entry();
		entry.setId("urn:uuid:" + thread.uuid());
		entry.setTitle(xml(thread.title()));
		Person author = new Person();
		author.setName(xml(thread.authorShownName()));
		author.setUri(xml(base + thread.authorPath()));
		entry.setAuthors(List.<SyndPerson>of(author));
		entry.setPublished(date(thread.publishedAt()));
		entry.setUpdated(date(thread.entryUpdatedAt()));
		entry.setAlternateLinks(List.of(link("alternate", base + thread.path(), "text/html", null)));
		List<Link> related = new ArrayList<>();
		for (LinkCard card : thread.links()) {
			related.add(link("related", card.href(), null, card.heading()));
		}
		entry.setOtherLinks(related);
		entry.setCategories(thread.tags().stream().map((tag) -> category(base, tag)).toList());
		Content content = new Content();
		content.setType("html");
		content.setValue(xml(thread.html()));
		entry.setContents(List.of(content));
		if (inReplyTo != null) {
			entry.setForeignMarkup(List.of(inReplyTo(base, inReplyTo)));
		}
		return entry;
	}

	private static Element inReplyTo(String base, ThreadSummary thread) {
		Element element = new Element("in-reply-to", THREADING);
		element.setAttribute("ref", "urn:uuid:" + thread.uuid());
		element.setAttribute("href", xml(base + thread.path()));
		element.setAttribute("type", "text/html");
		return element;
	}

	private static Category category(String base, TagChip tag) {
		Category category = new Category();
		category.setTerm(xml(tag.key()));
		category.setLabel(xml(tag.display()));
		category.setScheme(xml(base + tag.path()));
		return category;
	}

	private static Link link(String rel, String href, @Nullable String type, @Nullable String title) {
		Link link = new Link();
		link.setRel(rel);
		link.setHref(xml(href));
		if (type != null) {
			link.setType(type);
		}
		if (title != null) {
			link.setTitle(xml(title));
		}
		return link;
	}

	private static com.rometools.rome.feed.atom.Generator generator() {
		com.rometools.rome.feed.atom.Generator generator = new com.rometools.rome.feed.atom.Generator();
		generator.setValue("Veille");
		return generator;
	}

	/** Rome's date, to the second; {@link AtomTimes} writes the exact time over it. */
	private static Date date(Instant instant) {
		return Date.from(instant);
	}

	private static String xml(String text) {
		return XmlChars.strip(text);
	}

}
