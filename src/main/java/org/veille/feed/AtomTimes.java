package org.veille.feed;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;

/**
 * The times of a feed and of its entries, written to the millisecond (RFC 3339 allows fractions of a second).
 * Rome writes dates to the second only, so that entries posted within one second would share their
 * {@code atom:updated}; these times replace Rome's in the document it built. Not to the microsecond, as
 * stored: readers that parse the fraction as milliseconds, Rome's own among them, would read
 * {@code .887490} as 887,490 ms, a quarter of an hour late. Always three digits, so every such reader agrees.
 *
 * @param updated the feed's own {@code atom:updated}
 * @param entries the times of the entries, in the order of the feed's entries
 */
public record AtomTimes(Instant updated, List<Entry> entries) {

	private static final Namespace ATOM = Namespace.getNamespace("http://www.w3.org/2005/Atom");

	/** When an entry was first published and last updated. */
	public record Entry(Instant published, Instant updated) {
	}

	private static final DateTimeFormatter MILLISECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSX")
		.withZone(ZoneOffset.UTC);

	static String format(Instant instant) {
		return MILLISECONDS.format(instant.truncatedTo(ChronoUnit.MILLIS));
	}

	/** Replaces the times in Rome's document of the feed, entry by entry in document order. */
	public void writeInto(Document feed) {
		Element root = feed.getRootElement();
		setText(root, "updated", this.updated);
		List<Element> written = root.getChildren("entry", ATOM);
		if (written.size() != this.entries.size()) {
			throw new IllegalStateException(
					"The feed has " + written.size() + " entries and " + this.entries.size() + " entry times");
		}
		for (int i = 0; i < written.size(); i++) {
			setText(written.get(i), "published", this.entries.get(i).published());
			setText(written.get(i), "updated", this.entries.get(i).updated());
		}
	}

	private static void setText(Element parent, String name, Instant instant) {
		Element child = parent.getChild(name, ATOM);
		if (child != null) {
			child.setText(format(instant));
		}
	}

}
