package org.veille.transfer.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.veille.markup.Hashtag;
import org.veille.markup.MarkupParser;
import org.veille.markup.ParsedMessage;

class BookmarkTests {

	@Test
	void shouldWriteTitleUrlQuoteAndHashtags() {
		Bookmark bookmark = Bookmark.of("https://example.org/story", "A story about rivers",
				"The rivers moved.\nTwice.", List.of("rivers", "long read"), Instant.EPOCH, false, null);

		assertThat(bookmark.messageText()).isEqualTo("""
				A story about rivers
				https://example.org/story

				❝The rivers moved.
				Twice.❞

				#rivers #long_read""");
	}

	@Test
	void shouldLeaveOutWhatIsMissing() {
		assertThat(Bookmark.of("https://example.org/", "", null, List.of(), null, false, null).messageText())
			.isEqualTo("https://example.org/");
		assertThat(Bookmark.of("https://example.org/", "https://example.org/", "  ", List.of("a"), null, false, null)
			.messageText()).isEqualTo("https://example.org/\n\n#a");
		assertThat(Bookmark.of("https://example.org/", "Title\n  on two lines", null, List.of(), null, false, null)
			.messageText()).isEqualTo("Title on two lines\nhttps://example.org/");
	}

	@Test
	void shouldKeepHashesAndAtSignsOfTitlesAndDescriptionsAsText() {
		Bookmark bookmark = Bookmark.of("https://example.org/issues/42", "Issue #42 by @alice",
				"See https://example.org/docs#install and #ops ❝quoted❞\n```\nnot code", List.of("bugs"), null, false,
				null);

		String text = bookmark.messageText();
		ParsedMessage parsed = MarkupParser.parse(text);

		assertThat(parsed.tags()).extracting(Hashtag::display).containsExactly("bugs");
		assertThat(parsed.mentions()).isEmpty();
		assertThat(parsed.urls()).containsExactly("https://example.org/issues/42", "https://example.org/docs#install");
		assertThat(parsed.title()).isEqualTo("Issue #\u206042 by @\u2060alice");
		assertThat(text)
			.contains("❝See https://example.org/docs#install and #\u2060ops “quoted”\n\u2060```\nnot code❞");
	}

	@ParameterizedTest(name = "[{index}] {0} -> {1}")
	@CsvSource(delimiter = '|', quoteCharacter = '`', nullValues = "(none)", textBlock = """
			web design              | web_design
			C#                      | C
			c++                     | c++
			node.js                 | node.js
			.private                | private
			linkding:archived       | linkding_archived
			Données (RGPD)          | Données_(RGPD)
			(foo)                   | foo
			2024/11                 | 2024/11
			a--b                    | a_b
			a / b                   | a_b
			#already                | already
			##twice                 | twice
			[fr]Étiquette[en]Label  | [fr]Étiquette[en]Label
			São Paulo               | São_Paulo
			l’école                 | l’école
			COVID-19                | COVID-19
			foo.                    | foo
			e-mail                  | e-mail
			Rock & Roll             | Rock_&_Roll
			http://example.org      | http_example.org
			`  spaced  out  `       | spaced_out
			!!!                     | (none)
			★                       | (none)
			___                     | (none)
			""")
	void shouldTurnTagsIntoHashtags(String tag, String hashtag) {
		assertThat(Hashtags.bodyOf(tag)).isEqualTo(hashtag);
	}

	@Test
	void shouldKeepTheFirstSpellingOfEachTagAndDropTagsWithoutHashtag() {
		Bookmark bookmark = Bookmark.of("https://example.org/", "T", null,
				List.of("Web design", "web_design", "WEB DESIGN", "★", " Santé ", "sante"), null, false, null);

		assertThat(bookmark.tags()).containsExactly("Web design", "Santé");
		assertThat(bookmark.hashtags()).containsExactly("Web_design", "Santé");
	}

	@Test
	void shouldKeepATagOnlyWhenOneOfItsLanguagesIsNotListedBefore() {
		Bookmark bookmark = Bookmark.of("https://example.org/", "T", null,
				List.of("[en]Label[fr]Étiquette", "étiquette", "Autre", "[fr]Autre[en]Other", "[fr]autre"), null, false,
				null);

		assertThat(bookmark.hashtags()).containsExactly("[en]Label[fr]Étiquette", "Autre", "[fr]Autre[en]Other");
		assertThat(MarkupParser.parse(bookmark.messageText()).tags()).extracting(Hashtag::display)
			.containsExactlyElementsOf(bookmark.hashtags());
	}

	@Test
	void shouldReadBackATagOfManyCombiningMarksAsTheParserReadsIt() {
		String body = Hashtags.bodyOf("e" + "\u0301\u0316".repeat(40));

		assertThat(MarkupParser.parse("#" + body).tags()).extracting(Hashtag::display).containsExactly(body);
	}

	@Test
	void shouldGiveExactlyItsHashtagsForEveryBookmarkOfEveryFixture() throws Exception {
		for (String fixture : Imports.FIXTURES) {
			for (Bookmark bookmark : Imports.fixture(fixture, ImportOptions.defaults().withReplies(true)).bookmarks()) {
				ParsedMessage parsed = MarkupParser.parse(bookmark.messageText());
				assertThat(parsed.tags()).as("%s: %s", fixture, bookmark.messageText())
					.extracting(Hashtag::display)
					.containsExactlyElementsOf(bookmark.hashtags());
				if (bookmark.text() == null) {
					assertThat(parsed.mentions()).as("%s: %s", fixture, bookmark.messageText()).isEmpty();
					assertThat(parsed.urls()).as("%s: %s", fixture, bookmark.messageText()).isNotEmpty();
					if (!bookmark.url().contains("utm_")) {
						assertThat(parsed.urls().get(0)).isEqualTo(bookmark.url());
					}
				}
			}
		}
	}

	@Test
	void shouldGiveExactlyItsHashtagsWhateverTheTextAroundThem() {
		String[] pieces = { "#", "@", "```", "`", "❝", "❞", "http://", "https://example.org/#a", "(", ")", "_", "*",
				"\n", " ", "word", "é", "[fr]", "#tag", "@bob", "> ", "'", "-", ".", "/", "&amp;", "2024", "Ω", "\u0301",
				"[", "]", "#(x)", ":", "?", "\t" };
		Random random = new Random(20261129);
		for (int i = 0; i < 3000; i++) {
			List<String> tags = new ArrayList<>();
			for (int t = random.nextInt(4); t > 0; t--) {
				tags.add(text(random, pieces, 4));
			}
			Bookmark bookmark = Bookmark.of("https://example.org/" + i, text(random, pieces, 12),
					random.nextBoolean() ? text(random, pieces, 30) : null, tags, null, false, null);

			ParsedMessage parsed = MarkupParser.parse(bookmark.messageText());

			assertThat(parsed.tags()).as(bookmark.messageText()).extracting(Hashtag::display)
				.containsExactlyElementsOf(bookmark.hashtags());
			assertThat(parsed.mentions()).as(bookmark.messageText()).isEmpty();
			assertThat(parsed.urls()).as(bookmark.messageText()).contains("https://example.org/" + i);
		}
	}

	private static String text(Random random, String[] pieces, int maxPieces) {
		StringBuilder text = new StringBuilder();
		for (int n = random.nextInt(maxPieces) + 1; n > 0; n--) {
			text.append(pieces[random.nextInt(pieces.length)]);
		}
		return text.toString();
	}

}
