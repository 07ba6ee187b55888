package org.veille.blogfeed;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.veille.markup.Hashtag;
import org.veille.markup.MarkupParser;
import org.veille.markup.ParsedMessage;

import static org.assertj.core.api.Assertions.assertThat;

/** The message an entry becomes: its title line, its link, its summary quoted as words, its categories as tags. */
class EntryTextsTests {

	@Test
	void shouldWriteTheTitleTheLinkTheQuotedSummaryAndTheCategoriesAsTags() throws Exception {
		FeedEntry entry = FeedReaderTests.read("rss2-odd.xml", "application/rss+xml", "https://blog.example.org/feed.xml")
			.entries()
			.get(0);

		String text = EntryTexts.of(entry);
		ParsedMessage parsed = MarkupParser.parse(text);

		assertThat(parsed.title()).isEqualTo("Rust async & moi");
		assertThat(parsed.urls()).containsExactly("https://blog.example.org/2026/12/rust-async");
		assertThat(parsed.tags()).extracting(Hashtag::display).as("categories made tags; !!! can be none")
			.containsExactly("Rust", "web_design", "C");
		assertThat(parsed.mentions()).as("@ in the summary is text").isEmpty();
		assertThat(text).contains("❝Premier paragraphe avec gras et un #").contains("Second “paragraphe”.❞");
	}

	@Test
	void shouldWriteAnEntryWithoutLinkNorSummary() {
		FeedEntry entry = new FeedEntry("tag:x,1", "Just a *title*", null, null, List.of(), Instant.EPOCH, 0);

		assertThat(EntryTexts.of(entry)).isEqualTo("Just a *title*");
	}

	@Test
	void shouldKeepEntriesByTheHashOfTheirKey() {
		FeedEntry a = new FeedEntry("https://x.example/" + "a".repeat(5_000), "", null, null, List.of(), null, 0);
		FeedEntry b = new FeedEntry("https://x.example/b", "", null, null, List.of(), null, 1);

		assertThat(EntryTexts.keyOf(a)).hasSize(32).isNotEqualTo(EntryTexts.keyOf(b));
		assertThat(URI.create(b.key())).isNotNull();
	}

}
