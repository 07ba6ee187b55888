package org.veille.markup;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class MarkupParserTests {

	@Test
	void shouldReadTitleTagsAndCleanUrlsOfATypicalMessage() {
		ParsedMessage message = MarkupParser.parse("Un titre\nhttps://example.org/a?utm_source=x&id=3#frag\n\n"
				+ "❝un extrait❞\n\n#Santé #COVID-19 d’#Amazonie #terres.");

		assertThat(message.title()).isEqualTo("Un titre");
		assertThat(message.tags()).extracting(Hashtag::key).containsExactly("sante", "covid-19", "amazonie", "terres");
		assertThat(message.urls()).containsExactly("https://example.org/a?id=3#frag");
		assertThat(message.mentions()).isEmpty();
	}

	@ParameterizedTest(name = "[{index}] {0} -> {1}")
	@MethodSource
	void shouldFindTagsAsTyped(String text, List<String> displays) {
		assertThat(MarkupParser.parse(text).tags()).extracting(Hashtag::display).isEqualTo(displays);
	}

	static Stream<Arguments> shouldFindTagsAsTyped() {
		return Stream.of(tags("#Santé", "Santé"), tags("Lecture #santé du jour", "santé"),
				tags("d’#Amazonie", "Amazonie"), tags("d'#Amazonie", "Amazonie"), tags("a#b", "b"),
				tags("#terres.", "terres"), tags("#COVID-19", "COVID-19"), tags("#a-", "a"), tags("#a-b-", "a-b"),
				tags("#foo, #bar; #baz! #qux?", "foo", "bar", "baz", "qux"), tags("«#foo»", "foo"),
				tags("#l'école", "l'école"), tags("#l’école", "l’école"), tags("#Données_(RGPD)", "Données_(RGPD)"),
				tags("(voir #foo)", "foo"), tags("#foo) fin", "foo"), tags("#foo(bar", "foo"),
				tags("#a(b(c)d)e", "a(b(c)d)e"), tags("#a() vide", "a"), tags("#a(b c)", "a"),
				tags("#2026/11", "2026/11"), tags("#2026/", "2026"), tags("#foo@bar", "foo@bar"), tags("#foo@", "foo"),
				tags("#v1.2.3,", "v1.2.3"), tags("#a--b", "a"), tags("#a/../b", "a"), tags("#a/./b", "a"),
				tags("#R&D", "R&D"), tags("#20°C", "20°C"), tags("#A+", "A+"), tags("#a–b", "a–b"),
				tags("#café·bar", "café·bar"), tags("#Москва", "Москва"), tags("#東京", "東京"),
				tags("#Ελλάδα", "Ελλάδα"), tags("#123", "123"), tags("#Sante\u0301", "Santé"),
				tags("#foo#bar", "foo", "bar"), tags("*#gras*", "gras"), tags("#snake_case_tag", "snake_case_tag"),
				tags("#[fr]Étiquette_française[en]English_label", "[fr]Étiquette_française[en]English_label"),
				tags("#[pt-BR]Saúde.", "[pt-BR]Saúde"), tags("#Santé #santé #sante #SANTÉ", "Santé"),
				tags("ligne\n#tag1\n\n#tag2", "tag1", "tag2"), tags("❝#dans_une_citation❞", "dans_une_citation"),
				tags("> #cité", "cité"));
	}

	@ParameterizedTest(name = "[{index}] {0}")
	@ValueSource(strings = { "C#", "#", "##", "# title", "#_", "#-foo", "#.foo", "#(foo)", "#[fr]", "#[fr] x",
			"#[français]mot", "`#code`", "```\n#fenced\n```", "https://example.org/page#section",
			"a https://example.org/#/route b", "#!", "#'" })
	void shouldFindNoTag(String text) {
		assertThat(MarkupParser.parse(text).tags()).isEmpty();
	}

	@Test
	void shouldReadTheLanguageVariantsOfAMultilingualTag() {
		Hashtag tag = MarkupParser.parse("#[fr]Étiquette_française[en]English_label").tags().get(0);

		assertThat(tag.variants()).containsExactly(org.assertj.core.api.Assertions.entry("fr", "Étiquette_française"),
				org.assertj.core.api.Assertions.entry("en", "English_label"));
		assertThat(tag.key()).isEqualTo("etiquette_francaise");
	}

	@Test
	void shouldFileAMessageUnderTheKeyOfEachLanguageOfAMultilingualTag() {
		ParsedMessage message = MarkupParser.parse("RGPD #vie_privée #[fr]Règlement_Général_sur_la_Protection_des_Données_(RGPD)"
				+ "[en]General_Data_Protection_Regulation_(GDPR)[nl]General_Data_Protection_Regulation_(GDPR) #Europe");

		assertThat(message.tags()).extracting(Hashtag::display)
			.containsExactly("vie_privée", "[fr]Règlement_Général_sur_la_Protection_des_Données_(RGPD)"
					+ "[en]General_Data_Protection_Regulation_(GDPR)[nl]General_Data_Protection_Regulation_(GDPR)",
					"Europe");
		assertThat(message.filedTags()).extracting(Hashtag::key)
			.containsExactly("vie_privee", "reglement_general_sur_la_protection_des_donnees_(rgpd)",
					"general_data_protection_regulation_(gdpr)", "europe");
		assertThat(message.filedTags()).extracting(Hashtag::display)
			.contains("Règlement_Général_sur_la_Protection_des_Données_(RGPD)");
	}

	@Test
	void shouldKeepATypedTagOnlyWhenItFilesTheMessageUnderANewKey() {
		ParsedMessage message = MarkupParser.parse("#foo #[en]Foo[fr]Truc #[fr]Truc[en]Foo #truc");

		assertThat(message.tags()).extracting(Hashtag::display).containsExactly("foo", "[en]Foo[fr]Truc");
		assertThat(message.filedTags()).extracting(Hashtag::key).containsExactly("foo", "truc");
	}

	@Test
	void shouldNumberTheSameTagTypedWithOtherAccentsOnce() {
		assertThat(MarkupParser.parse("#Santé et #sante puis #SANTÉ").tags()).singleElement()
			.satisfies((tag) -> assertThat(tag.key()).isEqualTo("sante"));
	}

	@ParameterizedTest(name = "[{index}] {0} -> {1}")
	@MethodSource
	void shouldCollectUrls(String text, List<String> urls) {
		assertThat(MarkupParser.parse(text).urls()).isEqualTo(urls);
	}

	static Stream<Arguments> shouldCollectUrls() {
		return Stream.of(urls("voir https://example.org/a.", "https://example.org/a"),
				urls("https://example.org/a?utm_source=x&id=3#frag", "https://example.org/a?id=3#frag"),
				urls("https://example.org/a?fbclid=1", "https://example.org/a"),
				urls("https://en.wikipedia.org/wiki/Foo_(bar)", "https://en.wikipedia.org/wiki/Foo_(bar)"),
				urls("(see https://example.org/a)", "https://example.org/a"),
				urls("(https://en.wikipedia.org/wiki/Foo_(bar))", "https://en.wikipedia.org/wiki/Foo_(bar)"),
				urls("https://example.org/x!?;:,", "https://example.org/x"),
				urls("\"https://example.org/q\"", "https://example.org/q"),
				urls("«https://example.org/fr»", "https://example.org/fr"),
				urls("“https://example.org/en”", "https://example.org/en"),
				urls("‘https://example.org/b’", "https://example.org/b"),
				urls("'https://example.org/c'", "https://example.org/c"),
				urls("*https://example.org/bold*", "https://example.org/bold"),
				urls("http://example.org", "http://example.org"), urls("HTTPS://Example.org/A", "HTTPS://Example.org/A"),
				urls("https://example.org/\"><script>", "https://example.org/"),
				urls("https://example.org/a https://example.org/b https://example.org/a", "https://example.org/a",
						"https://example.org/b"),
				urls("https://example.org/a?utm_medium=m https://example.org/a", "https://example.org/a"),
				urls("https://example.org/#frag avec #tag", "https://example.org/#frag"),
				urls("ftp://example.org javascript:alert(1) xhttps://example.org https:// https://."),
				urls("`https://example.org/code`"), urls("```\nhttps://example.org/fenced\n```"));
	}

	@ParameterizedTest(name = "[{index}] {0} -> {1}")
	@MethodSource
	void shouldCollectMentions(String text, List<String> logins) {
		assertThat(MarkupParser.parse(text).mentions()).isEqualTo(logins);
	}

	static Stream<Arguments> shouldCollectMentions() {
		return Stream.of(mentions("@alice", "alice"), mentions("merci @bob.", "bob"), mentions("(@carol)", "carol"),
				mentions("@d.e_f-g", "d.e_f-g"), mentions("@alice et @alice", "alice"),
				mentions("@bob, @alice", "bob", "alice"), mentions("someone@example.org"), mentions("é@bob"),
				mentions("`@code`"), mentions("#tag@bob"), mentions("@"), mentions("@..."),
				mentions("https://example.org/@someone"), mentions("@alice@example.org"),
				mentions("@alice@ and @bob", "alice", "bob"));
	}

	@ParameterizedTest(name = "[{index}] {0} -> {1}")
	@MethodSource
	void shouldCollectMentionsOfPeopleElsewhere(String text, List<String> handles) {
		assertThat(MarkupParser.parse(text).remoteMentions()).isEqualTo(handles);
	}

	static Stream<Arguments> shouldCollectMentionsOfPeopleElsewhere() {
		return Stream.of(mentions("@alice@example.org", "alice@example.org"),
				mentions("merci @bob@social.example.org.", "bob@social.example.org"),
				mentions("(@carol@127.0.0.1:8080) et @dave", "carol@127.0.0.1:8080"),
				mentions("@eve@bücher.example, @eve@bücher.example", "eve@bücher.example"),
				mentions("@f@localhost", "f@localhost"), mentions("someone@example.org"), mentions("x@bob@example.org"),
				mentions("@alice@"), mentions("@alice@.example"), mentions("`@alice@example.org`"),
				mentions("https://example.org/@alice@example.org"), mentions("@alice@example.org:99999", "alice@example.org"));
	}

	@ParameterizedTest(name = "[{index}] {0} -> {1}")
	@MethodSource
	void shouldTakeTheFirstLineAsTitle(String text, String title) {
		assertThat(MarkupParser.parse(text).title()).isEqualTo(title);
	}

	static Stream<Arguments> shouldTakeTheFirstLineAsTitle() {
		return Stream.of(arguments("Un titre\nla suite", "Un titre"),
				arguments("\n\n   Titre après des lignes vides  \nsuite", "Titre après des lignes vides"),
				arguments("Lecture #Santé", "Lecture Santé"), arguments("Merci @alice pour C#", "Merci alice pour C#"),
				arguments("#[fr]Bonjour[en]Hello le monde", "Bonjour le monde"),
				arguments("❝Une citation❞ commentée", "Une citation commentée"),
				arguments("❝\nLigne citée\n❞", "Ligne citée"), arguments("> ligne citée", "ligne citée"),
				arguments("Voir https://example.org/#frag", "Voir https://example.org/#frag"),
				arguments("*gras* et `#code`", "*gras* et `#code`"), arguments("une adresse a@b.org", "une adresse a@b.org"),
				arguments("", ""), arguments("  \n\t\n ", ""), arguments("❝", "❝"), arguments("a\r\nb", "a"));
	}

	@Test
	void shouldCutALongTitleOnAWordBoundary() {
		String words = "Quelques mots assez longs pour dépasser la limite fixée au titre d’un message, "
				+ "puis encore quelques mots de plus";

		String title = MarkupParser.parse(words).title();

		assertThat(title).isEqualTo("Quelques mots assez longs pour dépasser la limite fixée au titre d’un message, "
				+ "puis encore quelques…");
		assertThat(title.length()).isLessThanOrEqualTo(Titles.LENGTH + 1);
	}

	@Test
	void shouldKeepATitleOfExactlyTheLimit() {
		String hundred = "x".repeat(Titles.LENGTH);

		assertThat(MarkupParser.parse(hundred).title()).isEqualTo(hundred);
	}

	@Test
	void shouldCutAVeryLongWordInsideIt() {
		assertThat(MarkupParser.parse("y".repeat(300)).title()).isEqualTo("y".repeat(Titles.LENGTH) + "…");
	}

	@Test
	void shouldStoreTextWithUnixLineEndingsAndComposedCharacters() {
		assertThat(MarkupParser.parse("a\r\nb\rc\nSante\u0301").text()).isEqualTo("a\nb\nc\nSanté");
	}

	@ParameterizedTest(name = "[{index}] {0}")
	@ValueSource(strings = { "a\rb", "a\u0000b", "a\u0008b", "a\u000Bb", "a\u001Fb", "a\u007Fb", "Sante\u0301",
			"x\u0316\u0316\u0316\u0316\u0316\u0316\u0316\u0316\u0316\u0316\u0316\u0316\u0316\u0316\u0316\u0316"
					+ "\u0316\u0316\u0316\u0316\u0316\u0316\u0316\u0316\u0316\u0316\u0316\u0316\u0316\u0316\u0316" })
	void shouldNormalizeATextWithOneThingToChange(String text) {
		String normal = MarkupParser.normalize(text);

		assertThat(normal).isNotEqualTo(text).isEqualTo(MarkupParser.normalize(normal));
	}

	@Test
	void shouldTurnEachLineEndIntoOneNewlineAndDropTheControlsBetween() {
		assertThat(MarkupParser.normalize("a\r\u0000\nb\r\n\r\nc\r")).isEqualTo("a\n\nb\n\nc\n");
	}

	@Test
	void shouldGiveANormalTextBackWithoutCopyingIt() {
		String text = "Déjà lu, l’étude « vent » — 한국어, ज़िन्दगी, 🌍\n\tsuite #énergie";

		assertThat(MarkupParser.normalize(text)).isSameAs(text);
	}

	@ParameterizedTest(name = "[{index}] {0}")
	@ValueSource(strings = { "#", "(", ")", "*", "_", "@", "`", "❝", "❞", "[", "#(", "#a(", "#[fr]", "#a-", "@.", "h",
			"https://x.org/(", "https://x.org/)", "> ", "```\n", "\n", "*a _b ", "#a/", "#a(b", "http://" })
	void shouldParseAndRenderPathologicalInputsOfTheLongestMessage(String unit) {
		String text = unit.repeat(20_000 / unit.length());

		ParsedMessage message = MarkupParser.parse(text);
		String html = HtmlRenderer.render(text, RenderOptions.of("fr"));

		assertThat(message.text()).hasSize(text.length());
		assertThat(message.tags().size()).isLessThanOrEqualTo(1);
		assertThat(message.urls().size()).isLessThanOrEqualTo(1);
		assertThat(html).doesNotContain("<script");
	}

	private static Arguments tags(String text, String... displays) {
		return arguments(text, List.of(displays));
	}

	private static Arguments urls(String text, String... urls) {
		return arguments(text, List.of(urls));
	}

	private static Arguments mentions(String text, String... logins) {
		return arguments(text, List.of(logins));
	}

}
