package org.veille.blogfeed;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Feeds shaped as blogs write them, read into entries: RSS 2.0, RSS 1.0 (RDF), Atom, and what is no feed. */
class FeedReaderTests {

	@Test
	void shouldReadAnRss2FeedWithHtmlInTitlesRelativeLinksOddDatesAndMissingGuids() throws Exception {
		FeedDocument feed = read("rss2-odd.xml", "application/rss+xml; charset=utf-8",
				"https://blog.example.org/feed.xml");

		assertThat(feed.title()).isEqualTo("Carnet de notes & liens");
		assertThat(feed.unidentified()).as("the item with neither guid nor link").isEqualTo(1);
		assertThat(feed.entries()).hasSize(4);

		FeedEntry html = feed.entries().get(0);
		assertThat(html.key()).isEqualTo("tag:blog.example.org,2026:rust-async");
		assertThat(html.title()).isEqualTo("Rust async &amp; moi".replace("&amp;", "&"));
		assertThat(html.link()).isEqualTo("https://blog.example.org/2026/12/rust-async");
		assertThat(html.summary()).isEqualTo(
				"Premier paragraphe avec gras et un #hashtag et @quelqu_un.\n\nSecond ❝paragraphe❞.");
		assertThat(html.categories()).containsExactly("Rust", "web design", "C#", "!!!");
		assertThat(html.published()).isEqualTo(Instant.parse("2026-12-06T09:15:00Z"));

		FeedEntry withoutGuid = feed.entries().get(1);
		assertThat(withoutGuid.key()).as("the link names it").isEqualTo("https://blog.example.org/2026/11/sans-guid");
		assertThat(withoutGuid.summary()).isEqualTo("Texte simple.");

		FeedEntry unreadableDate = feed.entries().get(2);
		assertThat(unreadableDate.link()).isEqualTo("https://blog.example.org/relatif/date");
		assertThat(unreadableDate.published()).isNull();
		assertThat(unreadableDate.summary()).as("from content:encoded").isEqualTo("Contenu complet");

		FeedEntry isoDate = feed.entries().get(3);
		assertThat(isoDate.published()).isEqualTo(Instant.parse("2026-12-01T12:00:00Z"));
		assertThat(isoDate.position()).isEqualTo(3);
	}

	@Test
	void shouldReadAnRdfFeedInLatin1() throws Exception {
		FeedDocument feed = read("rdf.xml", "text/xml", "http://vieux.example.net/rss");

		assertThat(feed.entries()).hasSize(2);
		FeedEntry first = feed.entries().get(0);
		assertThat(first.key()).isEqualTo("http://vieux.example.net/2004/01/premier");
		assertThat(first.title()).isEqualTo("Premier billet, été");
		assertThat(first.summary()).isEqualTo("Écrit en latin-1.");
		assertThat(first.categories()).containsExactly("archives");
		assertThat(first.published()).isEqualTo(Instant.parse("2004-01-15T08:30:00Z"));
		assertThat(feed.entries().get(1).published()).isNotNull();
	}

	@Test
	void shouldResolveAtomLinksAgainstTheirXmlBase() throws Exception {
		FeedDocument feed = read("atom-xml-base.xml", "application/atom+xml", "https://feeds.example.org/feed.atom");

		assertThat(feed.entries()).extracting(FeedEntry::link).containsExactly(
				"https://static.example.com/site/posts/one",
				"https://static.example.com/archives/2026/two",
				"https://static.example.com/site/sub/three",
				"https://static.example.com/site/four",
				"https://absolute.example.org/five");
	}

	@Test
	void shouldResolveARelativeXmlBaseOfTheFeedAgainstItsAddress() throws Exception {
		String atom = """
				<feed xmlns="http://www.w3.org/2005/Atom" xml:base="../blog/"><title>t</title><id>i</id>
				<updated>2026-12-06T10:00:00Z</updated><entry><title>e</title><id>e1</id><link href="post"/>
				<updated>2026-12-06T10:00:00Z</updated></entry></feed>""";
		FeedDocument feed = FeedReader.read(atom.getBytes(java.nio.charset.StandardCharsets.UTF_8), null,
				URI.create("https://host.example/feeds/atom.xml"));

		assertThat(feed.entries().get(0).link()).isEqualTo("https://host.example/blog/post");
	}

	@Test
	void shouldReadAnAtomFeedWithXhtmlTitlesAndRelativeLinks() throws Exception {
		FeedDocument feed = read("atom.xml", "application/atom+xml", "https://atom.example.com/blog/feed.atom");

		assertThat(feed.title()).isEqualTo("Le blog");
		FeedEntry xhtml = feed.entries().get(0);
		assertThat(xhtml.key()).isEqualTo("urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a");
		assertThat(xhtml.title()).isEqualTo("Titre XHTML");
		assertThat(xhtml.link()).isEqualTo("https://atom.example.com/posts/xhtml?x=1&y=2");
		assertThat(xhtml.summary()).isEqualTo("Un résumé\nsur deux lignes.");
		assertThat(xhtml.categories()).containsExactly("veille", "open data");
		assertThat(xhtml.published()).as("updated, when not published").isEqualTo(Instant.parse("2026-12-06T09:00:00Z"));

		FeedEntry withoutLink = feed.entries().get(1);
		assertThat(withoutLink.key()).isEqualTo("tag:atom.example.com,2026:2");
		assertThat(withoutLink.summary()).isEqualTo("Contenu seulement.");
		assertThat(withoutLink.published()).isEqualTo(Instant.parse("2026-11-30T07:00:00Z"));
	}

	@Test
	void shouldRefuseBrokenXmlSayingWhere() {
		assertThatExceptionOfType(FeedUnreadableException.class)
			.isThrownBy(() -> read("broken.xml", "application/rss+xml", "https://x.example/feed"))
			.satisfies((ex) -> {
				assertThat(ex.messageKey()).isEqualTo("blogfeeds.error.broken-xml");
				// Rome heals the bare & of line 3; the missing </rss> is past the end, line 5.
				assertThat(ex.getMessage()).startsWith("line 5");
			});
	}

	@Test
	void shouldRefuseADoctypeWithoutExpandingItsEntities() {
		assertThatExceptionOfType(FeedUnreadableException.class)
			.isThrownBy(() -> read("doctype.xml", "application/rss+xml", "https://x.example/feed"))
			.satisfies((ex) -> assertThat(ex.messageKey()).isEqualTo("blogfeeds.error.broken-xml"));
	}

	@Test
	void shouldSayThatAnHtmlPageIsNoFeed() {
		assertThatExceptionOfType(FeedUnreadableException.class)
			.isThrownBy(() -> read("page.html", "text/html", "https://x.example/"))
			.satisfies((ex) -> assertThat(ex.messageKey()).isEqualTo("blogfeeds.error.not-a-feed"));
		assertThatExceptionOfType(FeedUnreadableException.class)
			.isThrownBy(() -> FeedReader.read("<html><body><p>x</p></body></html>".getBytes(), null,
					URI.create("https://x.example/")))
			.satisfies((ex) -> assertThat(ex.messageKey()).isEqualTo("blogfeeds.error.not-a-feed"));
	}

	@Test
	void shouldReadAHugeFeed() throws Exception {
		StringBuilder xml = new StringBuilder("<rss version=\"2.0\"><channel><title>t</title><link>https://h.example/</link>"
				+ "<description>d</description>");
		for (int i = 0; i < 20_000; i++) {
			xml.append("<item><title>Entry ").append(i).append("</title><link>https://h.example/").append(i)
				.append("</link></item>");
		}
		xml.append("</channel></rss>");

		FeedDocument feed = FeedReader.read(xml.toString().getBytes(), "application/rss+xml",
				URI.create("https://h.example/feed"));

		assertThat(feed.entries()).hasSize(20_000);
		assertThat(feed.entries().get(19_999).key()).isEqualTo("https://h.example/19999");
	}

	@Test
	void shouldKeepNoCharacterXmlForbidsFromEscapedHtml() throws Exception {
		String xml = "<rss version=\"2.0\"><channel><title>t</title><link>https://c.example/</link><description>d</description>"
				+ "<item><title>A&amp;#1;B&amp;#xFFFF;C</title><link>https://c.example/1</link>"
				+ "<description>x&amp;#8;y</description></item></channel></rss>";

		FeedEntry entry = FeedReader.read(xml.getBytes(), null, URI.create("https://c.example/feed")).entries().get(0);

		assertThat(entry.title()).isEqualTo("ABC");
		assertThat(entry.summary()).isEqualTo("xy");
	}

	@Test
	void shouldCutALongSummaryAfterAWord() {
		String text = "word ".repeat(200);

		String excerpt = FeedReader.excerpt(text);

		assertThat(excerpt).endsWith("word…").hasSizeLessThanOrEqualTo(FeedReader.EXCERPT + 1);
		assertThat(FeedReader.excerpt("short")).isEqualTo("short");
	}

	static FeedDocument read(String fixture, String contentType, String address) throws Exception {
		return FeedReader.read(bytes(fixture), contentType, URI.create(address));
	}

	static byte[] bytes(String fixture) throws IOException {
		try (InputStream in = FeedReaderTests.class.getResourceAsStream("/blogfeed/" + fixture)) {
			return in.readAllBytes();
		}
	}

}
