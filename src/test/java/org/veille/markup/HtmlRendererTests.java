package org.veille.markup;

import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class HtmlRendererTests {

	private static final String REL = " rel=\"nofollow ugc noopener noreferrer\"";

	@ParameterizedTest(name = "[{index}] {0}")
	@MethodSource
	void shouldLayOutParagraphsAndLineBreaks(String text, String html) {
		assertThat(render(text)).isEqualTo(html);
	}

	static Stream<Arguments> shouldLayOutParagraphsAndLineBreaks() {
		return Stream.of(arguments("Bonjour", "<p>Bonjour</p>"), arguments("", ""), arguments(" \n\n ", ""),
				arguments("a\nb", "<p>a<br>b</p>"), arguments("a\n\nb", "<p>a</p><p>b</p>"),
				arguments("a\n\n\n\nb", "<p>a</p><p>b</p>"), arguments("a  \n  b", "<p>a<br>b</p>"),
				arguments("a\n   \nb", "<p>a</p><p>b</p>"), arguments("a\r\nb\rc", "<p>a<br>b<br>c</p>"),
				arguments("\n\nau milieu\n\n", "<p>au milieu</p>"));
	}

	@ParameterizedTest(name = "[{index}] {0}")
	@MethodSource
	void shouldRenderQuotes(String text, String html) {
		assertThat(render(text)).isEqualTo(html);
	}

	static Stream<Arguments> shouldRenderQuotes() {
		return Stream.of(arguments("❝un extrait❞", "<blockquote><p>un extrait</p></blockquote>"),
				arguments("❝un\n\ndeux❞\nfin", "<blockquote><p>un</p><p>deux</p></blockquote><p>fin</p>"),
				arguments("avant ❝dedans❞ après", "<p>avant</p><blockquote><p>dedans</p></blockquote><p>après</p>"),
				arguments("❝sans fin\n\nencore", "<blockquote><p>sans fin</p><p>encore</p></blockquote>"),
				arguments("fin❞", "<p>fin❞</p>"),
				arguments("❝a ❝b❞ c❞", "<blockquote><p>a</p><blockquote><p>b</p></blockquote><p>c</p></blockquote>"),
				arguments("a\n\n❝b❞\n\nc", "<p>a</p><blockquote><p>b</p></blockquote><p>c</p>"),
				arguments("> un\n> deux\nfin", "<blockquote><p>un<br>deux</p></blockquote><p>fin</p>"),
				arguments("> un\n>\n> deux", "<blockquote><p>un</p><p>deux</p></blockquote>"),
				arguments("> un\n\nfin", "<blockquote><p>un</p></blockquote><p>fin</p>"),
				arguments(">pas une citation", "<p>&gt;pas une citation</p>"),
				arguments("a > b", "<p>a &gt; b</p>"),
				arguments("> ❝a\nb❞", "<blockquote><blockquote><p>a</p></blockquote></blockquote><p>b❞</p>"));
	}

	@ParameterizedTest(name = "[{index}] {0}")
	@MethodSource
	void shouldRenderInlineStylesOnlyAtWordBoundaries(String text, String html) {
		assertThat(render(text)).isEqualTo(html);
	}

	static Stream<Arguments> shouldRenderInlineStylesOnlyAtWordBoundaries() {
		return Stream.of(arguments("*gras*", "<p><strong>gras</strong></p>"),
				arguments("_italique_", "<p><em>italique</em></p>"),
				arguments("un *mot gras*, ici", "<p>un <strong>mot gras</strong>, ici</p>"),
				arguments("(_entre parenthèses_)", "<p>(<em>entre parenthèses</em>)</p>"),
				arguments("snake_case_word", "<p>snake_case_word</p>"), arguments("a*b*c", "<p>a*b*c</p>"),
				arguments("2*3*4", "<p>2*3*4</p>"), arguments("5 * 3 * 2", "<p>5 * 3 * 2</p>"),
				arguments("*_les deux_*", "<p><strong><em>les deux</em></strong></p>"),
				arguments("*a _b* c_", "<p><strong>a _b</strong> c_</p>"),
				arguments("*non fermé", "<p>*non fermé</p>"), arguments("**", "<p>**</p>"),
				arguments("*sur\ndeux lignes*", "<p><strong>sur<br>deux lignes</strong></p>"),
				arguments("*pas\n\nd’un paragraphe à l’autre*", "<p>*pas</p><p>d’un paragraphe à l’autre*</p>"),
				arguments("`a*b*c`", "<p><code>a*b*c</code></p>"), arguments("`<b>`", "<p><code>&lt;b&gt;</code></p>"),
				arguments("``a ` b``", "<p><code>a ` b</code></p>"), arguments("`non fermé", "<p>`non fermé</p>"),
				arguments("*`x`*", "<p><strong><code>x</code></strong></p>"),
				arguments("```\nx = *y*\n#pas_tag @bob\n```", "<pre><code>x = *y*\n#pas_tag @bob</code></pre>"),
				arguments("```java\nint a;\n```\naprès", "<pre><code>int a;</code></pre><p>après</p>"),
				arguments("```\nnon fermé", "<pre><code>non fermé</code></pre>"),
				arguments("avant\n```\n<i>\n```", "<p>avant</p><pre><code>&lt;i&gt;</code></pre>"),
				arguments("```en ligne```", "<p><code>en ligne</code></p>"),
				arguments("`pas\nsur deux lignes`", "<p>`pas<br>sur deux lignes`</p>"),
				arguments("  ```\n  indenté\n  ````", "<pre><code>  indenté</code></pre>"));
	}

	@ParameterizedTest(name = "[{index}] {0}")
	@MethodSource
	void shouldRenderTags(String text, String html) {
		assertThat(render(text)).isEqualTo(html);
	}

	static Stream<Arguments> shouldRenderTags() {
		return Stream.of(arguments("#Santé", "<p>" + tag("sante", "Santé") + "</p>"),
				arguments("d’#Amazonie.", "<p>d’" + tag("amazonie", "Amazonie") + ".</p>"),
				arguments("#Données_(RGPD)", "<p>" + tag("donnees_(rgpd)", "Données_(RGPD)") + "</p>"),
				arguments("(voir #foo)", "<p>(voir " + tag("foo", "foo") + ")</p>"),
				arguments("#2026/11", "<p>" + tag("2026/11", "2026/11") + "</p>"),
				arguments("#R&D", "<p>" + tag("r&amp;d", "R&amp;D") + "</p>"),
				arguments("#l'eau", "<p>" + tag("l&#39;eau", "l&#39;eau") + "</p>"),
				arguments("#[en]Health[fr]Santé", "<p>" + tag("sante", "Santé") + "</p>"),
				arguments("C# et ## et # titre", "<p>C# et ## et # titre</p>"),
				arguments("`#pas_un_tag`", "<p><code>#pas_un_tag</code></p>"),
				arguments("#<script>", "<p>#&lt;script&gt;</p>"),
				arguments("#foo<script>", "<p>" + tag("foo", "foo") + "&lt;script&gt;</p>"),
				arguments("snake_#tag_x_", "<p>snake_" + tag("tag_x_", "tag_x_") + "</p>"));
	}

	@ParameterizedTest(name = "[{index}] {0}")
	@MethodSource
	void shouldRenderLinks(String text, String html) {
		assertThat(render(text)).isEqualTo(html);
	}

	static Stream<Arguments> shouldRenderLinks() {
		return Stream.of(
				arguments("https://example.org/a?utm_source=x&id=3#frag",
						"<p><a href=\"https://example.org/a?id=3#frag\"" + REL
								+ ">https://example.org/a?utm_source=x&amp;id=3#frag</a></p>"),
				arguments("(see https://example.org/a).",
						"<p>(see <a href=\"https://example.org/a\"" + REL + ">https://example.org/a</a>).</p>"),
				arguments("https://en.wikipedia.org/wiki/Foo_(bar)",
						"<p><a href=\"https://en.wikipedia.org/wiki/Foo_(bar)\"" + REL
								+ ">https://en.wikipedia.org/wiki/Foo_(bar)</a></p>"),
				arguments("https://x.org/\"><script>",
						"<p><a href=\"https://x.org/\"" + REL + ">https://x.org/</a>&quot;&gt;&lt;script&gt;</p>"),
				arguments("https://x.org/a'onmouseover='b",
						"<p><a href=\"https://x.org/a&#39;onmouseover=&#39;b\"" + REL
								+ ">https://x.org/a&#39;onmouseover=&#39;b</a></p>"),
				arguments("https://example.org/photo.JPG",
						"<p><a href=\"https://example.org/photo.JPG\"" + REL
								+ ">https://example.org/photo.JPG</a><img src=\"https://example.org/photo.JPG\" alt=\"\" loading=\"lazy\"></p>"),
				arguments("https://example.org/a.png?size=2",
						"<p><a href=\"https://example.org/a.png?size=2\"" + REL
								+ ">https://example.org/a.png?size=2</a><img src=\"https://example.org/a.png?size=2\" alt=\"\" loading=\"lazy\"></p>"),
				arguments("https://example.org/a.pdf",
						"<p><a href=\"https://example.org/a.pdf\"" + REL + ">https://example.org/a.pdf</a></p>"),
				arguments("https://example.org/?f=a.png",
						"<p><a href=\"https://example.org/?f=a.png\"" + REL + ">https://example.org/?f=a.png</a></p>"),
				arguments("https://example.org/#frag",
						"<p><a href=\"https://example.org/#frag\"" + REL + ">https://example.org/#frag</a></p>"),
				arguments("*https://example.org*",
						"<p><strong><a href=\"https://example.org\"" + REL + ">https://example.org</a></strong></p>"),
				arguments("`https://example.org`", "<p><code>https://example.org</code></p>"),
				arguments("javascript:alert(1)", "<p>javascript:alert(1)</p>"),
				arguments("<a href=\"javascript:x\">y</a>", "<p>&lt;a href=&quot;javascript:x&quot;&gt;y&lt;/a&gt;</p>"));
	}

	@ParameterizedTest(name = "[{index}] {0}")
	@MethodSource
	void shouldLinkOnlyMentionsOfKnownLogins(String text, String html) {
		RenderOptions options = new RenderOptions("fr", Set.of("alice", "d.e_f")::contains);

		assertThat(HtmlRenderer.render(text, options)).isEqualTo(html);
	}

	static Stream<Arguments> shouldLinkOnlyMentionsOfKnownLogins() {
		return Stream.of(arguments("@alice", "<p><a class=\"mention\" href=\"/people/alice\">@alice</a></p>"),
				arguments("merci @alice.", "<p>merci <a class=\"mention\" href=\"/people/alice\">@alice</a>.</p>"),
				arguments("@d.e_f", "<p><a class=\"mention\" href=\"/people/d.e_f\">@d.e_f</a></p>"),
				arguments("@inconnu", "<p>@inconnu</p>"), arguments("alice@example.org", "<p>alice@example.org</p>"),
				arguments("`@alice`", "<p><code>@alice</code></p>"));
	}

	@Test
	void shouldLinkMentionsOfPeopleElsewhereOnlyWhenTheirProfileIsKnown() {
		RenderOptions options = RenderOptions.of("en").withRemoteProfiles((handle) -> switch (handle) {
			case "bob@social.example" -> "https://social.example/@bob";
			case "eve@evil.example" -> "javascript:alert(1)";
			default -> null;
		});

		assertThat(HtmlRenderer.render("Hi @bob@social.example.", options)).isEqualTo("<p>Hi <a class=\"mention\""
				+ " href=\"https://social.example/@bob\" rel=\"nofollow ugc noopener noreferrer\">@bob@social.example</a>.</p>");
		assertThat(HtmlRenderer.render("Hi @nobody@social.example", options)).isEqualTo("<p>Hi @nobody@social.example</p>");
		assertThat(HtmlRenderer.render("Hi @eve@evil.example", options)).isEqualTo("<p>Hi @eve@evil.example</p>");
		assertThat(HtmlRenderer.render("Hi @bob@social.example", RenderOptions.of("en")))
			.isEqualTo("<p>Hi @bob@social.example</p>");
		assertThat(HtmlRenderer.render("@alice@social.example", new RenderOptions("en", Set.of("alice")::contains)))
			.as("not the local alice").isEqualTo("<p>@alice@social.example</p>");
	}

	@Test
	void shouldMarkLinksNofollowUnlessTheAuthorsAccountIsTrusted() {
		String text = "See https://example.org/page";

		assertThat(HtmlRenderer.render(text, RenderOptions.of("en")))
			.contains("<a href=\"https://example.org/page\" rel=\"nofollow ugc noopener noreferrer\">");
		assertThat(HtmlRenderer.render(text, RenderOptions.of("en").followingLinks(true)))
			.contains("<a href=\"https://example.org/page\" rel=\"ugc noopener noreferrer\">");
		assertThat(HtmlRenderer.render(text, RenderOptions.of("en").followingLinks(false)))
			.contains("rel=\"nofollow ugc noopener noreferrer\"");
	}

	@Test
	void shouldEscapeEveryHtmlCharacterTyped() {
		assertThat(render("<script>alert('x' & \"y\")</script>"))
			.isEqualTo("<p>&lt;script&gt;alert(&#39;x&#39; &amp; &quot;y&quot;)&lt;/script&gt;</p>");
	}

	@Test
	void shouldShowTheLabelOfTheReadersLanguage() {
		String text = "#[fr]Étiquette[en]Label";

		assertThat(HtmlRenderer.render(text, RenderOptions.of("en"))).contains(">#Label</a>");
		assertThat(HtmlRenderer.render(text, RenderOptions.of("fr"))).contains(">#Étiquette</a>");
		assertThat(HtmlRenderer.render(text, RenderOptions.of("de"))).contains(">#Étiquette</a>");
	}

	@Test
	void shouldLinkAMultilingualTagToThePageOfTheLabelShown() {
		String text = "#[fr]Étiquette[en]Label";

		assertThat(HtmlRenderer.render(text, RenderOptions.of("en"))).isEqualTo("<p>" + tag("label", "Label") + "</p>");
		assertThat(HtmlRenderer.render(text, RenderOptions.of("fr-CA")))
			.isEqualTo("<p>" + tag("etiquette", "Étiquette") + "</p>");
		assertThat(HtmlRenderer.render(text, RenderOptions.of("de")))
			.isEqualTo("<p>" + tag("etiquette", "Étiquette") + "</p>");
	}

	@Test
	void shouldRenderTheTypicalMessage() {
		String html = render("Un titre\nhttps://example.org/a?utm_source=x&id=3#frag\n\n❝un extrait❞\n\n"
				+ "#Santé #COVID-19 d’#Amazonie #terres.");

		assertThat(html).isEqualTo("<p>Un titre<br><a href=\"https://example.org/a?id=3#frag\"" + REL
				+ ">https://example.org/a?utm_source=x&amp;id=3#frag</a></p>"
				+ "<blockquote><p>un extrait</p></blockquote><p>" + tag("sante", "Santé") + " "
				+ tag("covid-19", "COVID-19") + " d’" + tag("amazonie", "Amazonie") + " " + tag("terres", "terres")
				+ ".</p>");
	}

	@Test
	void shouldNestQuotesOnlySoDeep() {
		String html = render("❝".repeat(50) + "x");

		assertThat(html).startsWith("<blockquote>".repeat(8) + "<p>x</p>").doesNotContain("<blockquote>".repeat(9));
		assertThat(html).endsWith("</blockquote>".repeat(8));
	}

	@Test
	void shouldSayWhichTagsTheTextLinksInTheReadersLanguage() {
		String text = "#[fr]Étiquette[en]Label puis #Label, #Santé et #santé `#code` https://example.org/#ancre";

		assertThat(HtmlRenderer.renderShowing(text, RenderOptions.of("fr")).linkedTags())
			.containsExactly("etiquette", "label", "sante");
		assertThat(HtmlRenderer.renderShowing(text, RenderOptions.of("en")).linkedTags())
			.containsExactly("label", "sante");
		assertThat(HtmlRenderer.renderShowing(text, RenderOptions.of("en")).html())
			.isEqualTo(HtmlRenderer.render(text, RenderOptions.of("en")));
	}

	private static String render(String text) {
		return HtmlRenderer.render(text, RenderOptions.of("fr"));
	}

	private static String tag(String path, String label) {
		return "<a class=\"tag\" href=\"/tag/" + path + "\" rel=\"tag\">#" + label + "</a>";
	}

}
