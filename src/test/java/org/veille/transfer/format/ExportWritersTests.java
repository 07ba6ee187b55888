package org.veille.transfer.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.veille.markup.Hashtag;
import org.veille.markup.MarkupParser;
import org.veille.transfer.format.ExportedMessage.Kind;
import org.veille.transfer.format.SkippedBookmark.Reason;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ExportWritersTests {

	private static final String SITE = "https://veille.example.org/";

	private static final List<ExportedMessage> MESSAGES = List.of(
			new ExportedMessage(12, Kind.MESSAGE, null, "ana", "Ana Lopes", Instant.parse("2026-03-01T10:15:30Z"), """
					Rivers that change course
					https://geo.example.org/articles/meanders?lang=fr&page=2

					❝A meander migrates a few metres a year.❞

					Good maps. #rivières #Santé_publique #[fr]eau[en]water"""),
			new ExportedMessage(13, Kind.MESSAGE, null, "ana", "Ana Lopes", Instant.parse("2026-03-02T08:00:00.250Z"),
					"Just a thought, no link: \"quotes\" & <angle brackets> & ]]> in text.\n<DT>not a tag</DT>"),
			new ExportedMessage(20, Kind.REPLY, 12L, "ana", "Ana Lopes", Instant.parse("2026-03-03T09:00:00Z"),
					"@bruno the 1976 map is better https://maps.example.org/1976 #cartes"),
			new ExportedMessage(31, Kind.SHARE, null, "bruno", "Bruno & Co", Instant.parse("2026-03-04T11:00:00Z"),
					"Bruno's message https://bruno.example.net/post #partage"));

	@Test
	void shouldWriteNetscapeBookmarksThatReadBack() throws Exception {
		String html = export(ExportFormat.NETSCAPE_HTML);

		Imports.Result result = Imports.read(html.getBytes(StandardCharsets.UTF_8), ImportOptions.defaults());

		assertThat(result.skipped()).isEmpty();
		assertThat(result.bookmarks()).hasSize(MESSAGES.size());
		for (int i = 0; i < MESSAGES.size(); i++) {
			ExportedMessage message = MESSAGES.get(i);
			Bookmark bookmark = result.bookmarks().get(i);
			var parsed = MarkupParser.parse(message.text());
			assertThat(bookmark.url())
				.isEqualTo(parsed.urls().isEmpty() ? "https://veille.example.org/messages/" + message.id()
						: parsed.urls().get(0));
			assertThat(bookmark.title()).isEqualTo(parsed.title());
			assertThat(bookmark.description()).isEqualTo(message.text().strip());
			assertThat(bookmark.tags()).containsExactlyElementsOf(parsed.tags().stream().map(Hashtag::display).toList());
			assertThat(bookmark.addedAt()).isEqualTo(Instant.ofEpochSecond(message.publishedAt().getEpochSecond()));
		}
	}

	@Test
	void shouldWriteNetscapeBookmarksAsBrowsersExpectThem() throws Exception {
		String html = export(ExportFormat.NETSCAPE_HTML);
		Document document = Jsoup.parse(html);

		assertThat(html).startsWith("<!DOCTYPE NETSCAPE-Bookmark-file-1>\n").endsWith("</DL><p>\n");
		assertThat(document.select("dl > dt > a")).hasSize(MESSAGES.size()).allSatisfy((Element link) -> {
			assertThat(link.attr("href")).startsWith("https://");
			assertThat(link.attr("add_date")).matches("\\d{10}");
		});
		assertThat(document.select("a").get(0).attr("href"))
			.isEqualTo("https://geo.example.org/articles/meanders?lang=fr&page=2");
		assertThat(document.select("a").get(0).attr("tags")).isEqualTo("rivières,Santé_publique,[fr]eau[en]water");
		assertThat(document.select("dd").get(1).text()).contains("\"quotes\" & <angle brackets>");
	}

	@Test
	void shouldWriteJsonMessagesOneALine() throws Exception {
		String json = export(ExportFormat.JSON);
		JsonNode list = JsonMapper.builder().build().readTree(json);

		assertThat(json.lines()).hasSize(MESSAGES.size() + 2);
		assertThat(list).hasSize(MESSAGES.size());
		JsonNode first = list.get(0);
		assertThat(first.get("id").asLong()).isEqualTo(12);
		assertThat(first.get("kind").asString()).isEqualTo("message");
		assertThat(first.get("url").asString()).isEqualTo("https://veille.example.org/messages/12");
		assertThat(first.get("thread").isNull()).isTrue();
		assertThat(first.get("author").get("login").asString()).isEqualTo("ana");
		assertThat(first.get("author").get("url").asString()).isEqualTo("https://veille.example.org/people/ana");
		assertThat(first.get("published").asString()).isEqualTo("2026-03-01T10:15:30Z");
		assertThat(first.get("title").asString()).isEqualTo("Rivers that change course");
		assertThat(first.get("text").asString()).isEqualTo(MESSAGES.get(0).text());
		assertThat(first.get("tags")).extracting(JsonNode::asString)
			.containsExactly("rivières", "Santé_publique", "[fr]eau[en]water");
		assertThat(first.get("links")).extracting(JsonNode::asString)
			.containsExactly("https://geo.example.org/articles/meanders?lang=fr&page=2");
		assertThat(list.get(1).get("text").asString()).isEqualTo(MESSAGES.get(1).text());
		assertThat(list.get(2).get("kind").asString()).isEqualTo("reply");
		assertThat(list.get(2).get("thread").asLong()).isEqualTo(12);
		assertThat(list.get(3).get("kind").asString()).isEqualTo("share");
		assertThat(list.get(3).get("author").get("name").asString()).isEqualTo("Bruno & Co");
	}

	@Test
	void shouldWriteSeenthisXmlThatReadsBackExactly() throws Exception {
		String xml = export(ExportFormat.SEENTHIS_XML);

		Imports.Result result = Imports.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)),
				ImportOptions.defaults().withReplies(true));

		assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<messages generator=\"Veille\"");
		assertThat(result.bookmarks()).extracting(Bookmark::sourceId).containsExactly("12", "13", "20");
		for (int i = 0; i < 3; i++) {
			ExportedMessage message = MESSAGES.get(i);
			Bookmark bookmark = result.bookmarks().get(i);
			assertThat(bookmark.text()).isEqualTo(message.text());
			assertThat(bookmark.addedAt()).isEqualTo(message.publishedAt());
		}
		assertThat(result.bookmarks().get(0).url()).isEqualTo("https://geo.example.org/articles/meanders?lang=fr&page=2");
		assertThat(result.bookmarks().get(1).url()).isNull();
		assertThat(result.skipped()).extracting(SkippedBookmark::reason, SkippedBookmark::detail)
			.containsExactly(org.assertj.core.api.Assertions.tuple(Reason.SHARED, "31"));
	}

	@Test
	void shouldLinkTagsAndAuthorsInSeenthisXml() throws Exception {
		String xml = export(ExportFormat.SEENTHIS_XML);

		assertThat(xml).contains("<tag href=\"https://veille.example.org/tag/sante_publique\">Santé_publique</tag>")
			.contains("<author href=\"https://veille.example.org/people/bruno\"><![CDATA[Bruno & Co]]></author>")
			.contains("<message id=\"20\" kind=\"reply\" thread=\"12\" href=\"https://veille.example.org/messages/20\">")
			.contains("& ]]]]><![CDATA[> in text.");
	}

	@Test
	void shouldLeaveOutCharactersXmlCannotHold() throws Exception {
		StringWriter out = new StringWriter();
		try (ExportWriter writer = ExportFormat.SEENTHIS_XML.open(out, SITE)) {
			writer.write(new ExportedMessage(40, Kind.MESSAGE, null, "ana", "Ana\u0001", Instant.parse("2026-03-05T10:00:00Z"),
					"a\u0001b\uD800c\uD83D\uDE00d\uFFFF"));
		}

		assertThat(out.toString()).contains("<![CDATA[Ana]]>", "<![CDATA[abc\uD83D\uDE00d]]>");
		assertThat(Imports.read(out.toString().getBytes(StandardCharsets.UTF_8), ImportOptions.defaults()).bookmarks())
			.extracting(Bookmark::text)
			.containsExactly("abc\uD83D\uDE00d");
	}

	@Test
	void shouldStreamAsItGoes() throws Exception {
		for (ExportFormat format : ExportFormat.values()) {
			CountingWriter out = new CountingWriter();
			try (ExportWriter writer = format.open(out, SITE)) {
				for (int i = 0; i < 2000; i++) {
					writer.write(new ExportedMessage(i, Kind.MESSAGE, null, "ana", "Ana", Instant.EPOCH,
							"Message " + i + " https://example.org/" + i + " #tag" + (i % 7)));
				}
				assertThat(out.written).as(format.name()).isGreaterThan(50_000);
			}
			assertThat(out.flushed).isTrue();
			assertThat(out.closed).isFalse();
		}
	}

	private static String export(ExportFormat format) throws IOException {
		StringWriter out = new StringWriter();
		try (ExportWriter writer = format.open(out, SITE)) {
			for (ExportedMessage message : MESSAGES) {
				writer.write(message);
			}
		}
		return out.toString();
	}

	/** A writer that keeps nothing, only counts. */
	private static final class CountingWriter extends Writer {

		long written;

		boolean flushed;

		boolean closed;

		@Override
		public void write(char[] chars, int offset, int length) {
			this.written += length;
		}

		@Override
		public void flush() {
			this.flushed = true;
		}

		@Override
		public void close() {
			this.closed = true;
		}

	}

}
