package org.veille.link.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MetadataExtractorTests {

	private static final URI PAGE = URI.create("https://news.example.org/world/2026/story.html?ref=home");

	private final MetadataExtractor extractor = new MetadataExtractor();

	@Test
	void shouldPreferOpenGraphThenTwitterThenTitleElement() {
		String page = """
				<title>From the title element</title>
				<meta name="twitter:title" content="From Twitter">
				<meta property="og:title" content="From Open Graph">""";

		assertThat(extract(page).title()).isEqualTo("From Open Graph");
		assertThat(extract(page.replace("og:title", "og:other")).title()).isEqualTo("From Twitter");
	}

	@Test
	void shouldSkipBlankCandidates() {
		String page = """
				<meta property="og:title" content="   ">
				<meta name="twitter:title" content="\u0007">
				<title>Plain title</title>""";

		assertThat(extract(page).title()).isEqualTo("Plain title");
	}

	@Test
	void shouldIgnoreSvgTitles() {
		String page = "<body><svg><title>An icon</title></svg><title>Page title</title></body>";

		assertThat(extract(page).title()).isEqualTo("Page title");
	}

	@Test
	void shouldReadDescriptionsInOrder() {
		assertThat(extract("<meta name=description content='Plain'>").description()).isEqualTo("Plain");
		assertThat(extract("<meta name=description content='Plain'><meta name=twitter:description content='Tw'>")
				.description()).isEqualTo("Tw");
		assertThat(extract("<meta name=twitter:description content='Tw'><meta property=og:description content='OG'>")
				.description()).isEqualTo("OG");
	}

	@Test
	void shouldCollapseWhitespaceAndCapLengths() {
		String page = "<title>" + "word ".repeat(200) + "</title><meta name=description content='"
				+ "a\u00a0\n\tb ".repeat(600) + "'>";

		PageMetadata metadata = extract(page);

		assertThat(metadata.title()).hasSize(PageMetadata.MAX_TITLE).endsWith("…").doesNotContain("  ");
		assertThat(metadata.description()).hasSize(PageMetadata.MAX_DESCRIPTION).startsWith("a b a b");
	}

	@ParameterizedTest
	@CsvSource({
		"og:image, /img/a.png, https://news.example.org/img/a.png",
		"og:image:url, ../b.jpg, https://news.example.org/world/b.jpg",
		"twitter:image, //cdn.example.net/c.webp, https://cdn.example.net/c.webp",
		"twitter:image:src, http://plain.example/d.gif, http://plain.example/d.gif"})
	void shouldMakeImageAbsolute(String key, String value, String expected) {
		String page = "<meta property='" + key + "' content='" + value + "'>";

		assertThat(extract(page).imageUrl()).isEqualTo(URI.create(expected));
	}

	@Test
	void shouldResolveAgainstBaseElement() {
		String page = "<base href='https://static.example.com/assets/'><meta property=og:image content='cover.png'>";

		assertThat(extract(page).imageUrl()).isEqualTo(URI.create("https://static.example.com/assets/cover.png"));
	}

	@Test
	void shouldKeepOnlyHttpUrls() {
		String page = """
				<meta property="og:image" content="javascript:alert(1)">
				<meta name="twitter:image" content="data:image/png;base64,AAAA">
				<link rel="canonical" href="ftp://files.example.org/">
				<meta property="og:url" content="/world/2026/story.html">
				<link rel="icon" href="data:image/x-icon;base64,AAAA">""";

		PageMetadata metadata = extract(page);

		assertThat(metadata.imageUrl()).isNull();
		assertThat(metadata.canonicalUrl()).isEqualTo(URI.create("https://news.example.org/world/2026/story.html"));
		assertThat(metadata.faviconUrl()).isEqualTo(URI.create("https://news.example.org/favicon.ico"));
	}

	@Test
	void shouldEncodeSpacesAndAccentsInUrls() {
		String page = "<meta property=og:image content='/images/été 2026.png'>";

		assertThat(extract(page).imageUrl())
				.isEqualTo(URI.create("https://news.example.org/images/%C3%A9t%C3%A9%202026.png"));
	}

	@Test
	void shouldPreferCanonicalLinkOverOgUrl() {
		String page = "<meta property=og:url content='https://a.example/og'><link rel=canonical href='/canonical'>";

		assertThat(extract(page).canonicalUrl()).isEqualTo(URI.create("https://news.example.org/canonical"));
	}

	@Test
	void shouldFindIconsByAnyRel() {
		assertThat(extract("<link rel='shortcut icon' href='/s.ico'>").faviconUrl())
				.isEqualTo(URI.create("https://news.example.org/s.ico"));
		assertThat(extract("<link rel='apple-touch-icon' href='/apple.png'>").faviconUrl())
				.isEqualTo(URI.create("https://news.example.org/apple.png"));
		assertThat(extract("<link rel='ICON' href='/upper.png'>").faviconUrl())
				.isEqualTo(URI.create("https://news.example.org/upper.png"));
		assertThat(extract("<link rel='stylesheet' href='/style.css'>").faviconUrl())
				.isEqualTo(URI.create("https://news.example.org/favicon.ico"));
	}

	@Test
	void shouldReadLanguageFromHtmlThenOgLocaleThenHeader() {
		assertThat(extractor.extract(Jsoup.parse("<html lang=fr-CA>", PAGE.toString()), PAGE, "de").language())
				.isEqualTo("fr-CA");
		assertThat(extractor.extract(Jsoup.parse("<meta property=og:locale content=pt_BR>", PAGE.toString()), PAGE,
				"de").language()).isEqualTo("pt-BR");
		assertThat(extractor.extract(Jsoup.parse("<p>", PAGE.toString()), PAGE, "de-AT, en").language())
				.isEqualTo("de-AT");
		assertThat(extractor.extract(Jsoup.parse("<html lang='not a language!'>", PAGE.toString()), PAGE, null)
				.language()).isNull();
	}

	@Test
	void shouldReadSiteName() {
		assertThat(extract("<meta property=og:site_name content=' Le  Monde '>").siteName()).isEqualTo("Le Monde");
	}

	@Test
	void shouldGiveDefaultsForEmptyPage() {
		PageMetadata metadata = extract("");

		assertThat(metadata).isEqualTo(new PageMetadata(null, null, null, null, null, null,
				URI.create("https://news.example.org/favicon.ico"), List.of()));
	}

	@Test
	void shouldReadTopicsFromArticleTagsFirstThenNewsKeywordsThenJsonLd() {
		String page = """
				<meta property="article:tag" content="Climat">
				<meta property="article:tag" content="changement climatique">
				<meta name="news_keywords" content="Énergie, climat">
				<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",
				  "keywords": ["Océans", "Énergie"]}</script>
				<meta name="keywords" content="never, read">""";

		assertThat(extract(page).topics()).containsExactly("Climat", "changement_climatique", "Énergie", "Océans");
	}

	@Test
	void shouldReadJsonLdKeywordsAsTextOrInAGraph() {
		assertThat(extract("""
				<script type="application/ld+json">{"keywords": "Pêche, Bretagne ; marées"}</script>""").topics())
			.containsExactly("Pêche", "Bretagne", "marées");
		assertThat(extract("""
				<script type="application/ld+json">{"@graph": [{"@type": "WebSite"},
				  {"@type": "Article", "keywords": ["Forêts"]}]}</script>""").topics()).containsExactly("Forêts");
		assertThat(extract("""
				<script type="application/ld+json">{"keywords": </script>
				<script type="application/ld+json">[{"keywords": 42}, "x"]</script>""").topics()).isEmpty();
	}

	@Test
	void shouldReadTheKeywordsMetaOnlyAsALastResort() {
		assertThat(extract("<meta name=keywords content='alpha, beta'>").topics()).containsExactly("alpha", "beta");
		assertThat(extract("<meta name=keywords content='alpha'><meta property=article:tag content=gamma>").topics())
			.containsExactly("gamma");
	}

	@Test
	void shouldKeepFiveTopicsReadFromFiftyCandidatesAtMost() {
		String many = IntStream.range(0, 500).mapToObj((i) -> "mot" + i).collect(Collectors.joining(", "));
		assertThat(extract("<meta name=news_keywords content='" + many + "'>").topics())
			.containsExactly("mot0", "mot1", "mot2", "mot3", "mot4");

		String late = IntStream.range(0, 60).mapToObj((i) -> "!!!").collect(Collectors.joining(", ")) + ", tardif";
		assertThat(extract("<meta name=news_keywords content='" + late + "'>").topics()).as("read no further")
			.isEmpty();
	}

	@Test
	void shouldDropMarkupControlCharactersAndSpellingsOfATopicAlreadyKept() {
		String page = """
				<meta property="article:tag" content="<b>Santé</b>">
				<meta property="article:tag" content="sante">
				<meta property="article:tag" content="SANTÉ">
				<meta property="article:tag" content="Climat‮">
				<meta property="article:tag" content="%s">
				<meta property="article:tag" content="&lt;script&gt;alert(1)&lt;/script&gt;">""".formatted("x".repeat(101));

		assertThat(extract(page).topics()).containsExactly("Santé", "Climat");
	}

	private PageMetadata extract(String html) {
		return extractor.extract(Jsoup.parse(html, PAGE.toString()), PAGE, null);
	}
}
