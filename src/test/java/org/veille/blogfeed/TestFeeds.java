package org.veille.blogfeed;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** RSS 2.0 feeds written for a test, as blogs write them. */
final class TestFeeds {

	private TestFeeds() {
	}

	/** An item; any part may be missing. */
	record Item(@Nullable String guid, @Nullable String title, @Nullable String link, @Nullable Instant date,
			@Nullable String description, List<String> categories) {

		static Item of(String id, String title, Instant date) {
			return new Item(id, title, "https://blog.example.org/" + id, date, "About " + title, List.of());
		}

	}

	static String rss(List<Item> items) {
		StringBuilder xml = new StringBuilder("""
				<?xml version="1.0" encoding="UTF-8"?>
				<rss version="2.0"><channel><title>A test blog</title><link>https://blog.example.org/</link>
				<description>Written by a test</description>
				""");
		for (Item item : items) {
			xml.append("<item>");
			element(xml, "guid", item.guid());
			element(xml, "title", item.title());
			element(xml, "link", item.link());
			if (item.date() != null) {
				element(xml, "pubDate", DateTimeFormatter.RFC_1123_DATE_TIME.format(item.date().atOffset(ZoneOffset.UTC)));
			}
			element(xml, "description", item.description());
			item.categories().forEach((category) -> element(xml, "category", category));
			xml.append("</item>\n");
		}
		return xml.append("</channel></rss>").toString();
	}

	private static void element(StringBuilder xml, String name, @Nullable String text) {
		if (text != null) {
			xml.append('<').append(name).append('>')
				.append(text.replace("&", "&amp;").replace("<", "&lt;"))
				.append("</").append(name).append('>');
		}
	}

}
