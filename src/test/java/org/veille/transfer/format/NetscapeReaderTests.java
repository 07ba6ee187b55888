package org.veille.transfer.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.veille.markup.Hashtag;
import org.veille.markup.MarkupParser;
import org.veille.transfer.format.ImportOptions.FolderTags;
import org.veille.transfer.format.SkippedBookmark.Reason;

class NetscapeReaderTests {

	@Test
	void shouldReadFirefoxExportWithFoldersAsTags() throws Exception {
		Imports.Result result = Imports.fixture("firefox.html");

		assertThat(result.summary()).isEqualTo(new ImportSummary(BookmarkFormat.NETSCAPE_HTML, 7, 2));
		assertThat(result.urls()).containsExactly("https://water.example.org/reports/2024/aquifers?lang=en",
				"https://meteo.example.fr/actualites/secheresse-ete", "https://science.example.net/papers/soil-moisture",
				"https://water.example.org/maps", "https://news.example.com/",
				"https://docs.example.dev/java/17/records.html#canonical", "https://recipes.example.org/bread/sourdough");
		Bookmark aquifers = result.bookmark("https://water.example.org/reports/2024/aquifers?lang=en");
		assertThat(aquifers.title()).isEqualTo("State of the aquifers & the drought of '24");
		assertThat(aquifers.description()).isEqualTo("Measured levels in 412 wells, region by region.\n"
				+ "Levels fell for the third year in a row; the report compares them with 1976.");
		assertThat(aquifers.tags()).containsExactly("aquifers", "groundwater", "long read", "Recherche");
		assertThat(aquifers.addedAt()).isEqualTo(Instant.ofEpochSecond(1699100000));
		assertThat(aquifers.isPrivate()).isFalse();
		assertThat(aquifers.sourceId()).isNull();
	}

	@Test
	void shouldDecodeEntitiesInTitles() throws Exception {
		Imports.Result result = Imports.fixture("firefox.html");

		assertThat(result.bookmark("https://meteo.example.fr/actualites/secheresse-ete").title())
			.isEqualTo("L'été le plus sec depuis 1959 — analyse détaillée");
		assertThat(result.bookmark("https://science.example.net/papers/soil-moisture").title())
			.isEqualTo("Soil moisture <versus> rainfall: a 40-year series");
	}

	@Test
	void shouldNestFolderTagsAndLeaveOutTheBrowsersOwnRoots() throws Exception {
		Imports.Result result = Imports.fixture("firefox.html");

		assertThat(result.bookmark("https://meteo.example.fr/actualites/secheresse-ete").tags())
			.containsExactly("sécheresse", "Recherche", "Climat");
		assertThat(result.bookmark("https://news.example.com/").tags()).isEmpty();
		assertThat(result.bookmark("https://docs.example.dev/java/17/records.html#canonical").tags())
			.containsExactly("java", "records", "Dev");
		assertThat(result.bookmark("https://recipes.example.org/bread/sourdough").tags()).isEmpty();
	}

	@Test
	void shouldMakeOneHierarchicalTagOfTheFolderPathWhenAsked() throws Exception {
		Imports.Result result = Imports.fixture("firefox.html", ImportOptions.defaults().withFolderTags(FolderTags.PATH));

		assertThat(result.bookmark("https://meteo.example.fr/actualites/secheresse-ete").tags())
			.containsExactly("sécheresse", "Recherche/Climat");
	}

	@Test
	void shouldIgnoreFoldersWhenAsked() throws Exception {
		Imports.Result result = Imports.fixture("firefox.html", ImportOptions.defaults().withFolderTags(FolderTags.NONE));

		assertThat(result.bookmark("https://meteo.example.fr/actualites/secheresse-ete").tags())
			.containsExactly("sécheresse");
	}

	@Test
	void shouldFallBackOnLastModifiedWhenThereIsNoAddDate() throws Exception {
		Imports.Result result = Imports.fixture("firefox.html");

		assertThat(result.bookmark("https://water.example.org/maps").addedAt())
			.isEqualTo(Instant.ofEpochSecond(1699700000));
	}

	@Test
	void shouldSkipBrowserQueriesAndBookmarklets() throws Exception {
		Imports.Result result = Imports.fixture("firefox.html");

		assertThat(result.skipped()).extracting(SkippedBookmark::line, SkippedBookmark::reason)
			.containsExactly(tuple(12L, Reason.BROWSER_QUERY), tuple(27L, Reason.BOOKMARKLET));
		assertThat(result.skipped().get(0).detail()).startsWith("place:parent=menu");
		assertThat(result.skipped().get(1).message()).startsWith("Line 27: a bookmarklet (javascript:");
	}

	@Test
	void shouldReadChromiumExportWithoutTagsOrDescriptions() throws Exception {
		Imports.Result result = Imports.fixture("chromium.html");

		assertThat(result.bookmarks()).extracting(Bookmark::url, Bookmark::title, Bookmark::tags)
			.containsExactly(
					tuple("https://mail.example.com/inbox", "Inbox (3) - Example Mail", java.util.List.of()),
					tuple("https://trains.example.eu/routes/lyon-torino", "Lyon → Torino by train",
							java.util.List.of("Travel")),
					tuple("https://nighttrains.example.eu/map", "Night train map of Europe",
							java.util.List.of("Travel", "Night trains")),
					tuple("https://www.example.org/a%20page%20with%20spaces.html", "A page whose address has spaces",
							java.util.List.of()),
					tuple("https://m.example.com/weather/paris", "Weather in Paris",
							java.util.List.of("Mobile bookmarks")));
		assertThat(result.bookmarks()).allSatisfy((bookmark) -> assertThat(bookmark.description()).isNull());
	}

	@Test
	void shouldReadPinboardExportWithPrivateFlags() throws Exception {
		Imports.Result result = Imports.fixture("pinboard.html");

		assertThat(result.bookmarks()).extracting(Bookmark::isPrivate).containsExactly(false, true, false, false);
		Bookmark typography = result.bookmark("https://typography.example.com/essays/hanging-punctuation");
		assertThat(typography.tags()).containsExactly("typography", "css", "web_design");
		assertThat(typography.addedAt()).isEqualTo(Instant.parse("2014-01-01T00:00:00Z"));
		assertThat(result.bookmark("https://blog.example.com/2016/c-sharp-tips").hashtags())
			.containsExactly("C", "NET", "programming");
		assertThat(result.bookmark("https://archive.example.org/details/old-maps-of-lisbon").hashtags())
			.containsExactly("maps", "lisbon", "history", "private_note");
		assertThat(result.urls())
			.contains("https://podcasts.example.net/episodes/412?utm_source=rss&utm_medium=feed");
	}

	@Test
	void shouldReadShaarliExportWithClosedElementsAndKeepItsNotes() throws Exception {
		Imports.Result result = Imports.fixture("shaarli.html");

		assertThat(result.urls()).containsExactly("https://selfhosted.example.org/guides/backups", null,
				"https://forum.example.net/t/why-is-my-build-slow/1234");
		Bookmark backups = result.bookmark("https://selfhosted.example.org/guides/backups");
		assertThat(backups.description()).isEqualTo("The 3-2-1 rule, with a **monthly** restore drill.\n\n"
				+ "See also #borg and #restic in my other links.");
		assertThat(backups.tags()).containsExactly("selfhosting", "backup", "restic");
		assertThat(result.bookmark("https://forum.example.net/t/why-is-my-build-slow/1234").description()).isNull();
		assertThat(result.skipped()).isEmpty();
	}

	@Test
	void shouldMakeMessagesWithoutALinkOfShaarliNotes() throws Exception {
		Imports.Result result = Imports.fixture("shaarli-notes.html");

		assertThat(result.summary()).isEqualTo(new ImportSummary(BookmarkFormat.NETSCAPE_HTML, 4, 0));
		assertThat(result.bookmarks()).extracting(Bookmark::url, Bookmark::sourceId, Bookmark::isPrivate)
			.containsExactly(tuple(null, "?Qm7fTw", false), tuple(null, "?r2Xp9A", true),
					tuple(null, "/shaare/Hn4kLc", false), tuple("https://jardin.example.org/calendrier", null, false));
		Bookmark garden = result.bookmarks().get(0);
		assertThat(garden.title()).isEqualTo("Carnet du jardin");
		assertThat(garden.tags()).containsExactly("markdown", "jardin");
		assertThat(garden.addedAt()).isEqualTo(Instant.ofEpochSecond(1739170000));
		assertThat(garden.messageText()).isEqualTo("""
				Carnet du jardin

				# Semis de février

				- tomates **sous abri**
				- radis en pleine terre

				Voir [le calendrier](https://jardin.example.org/calendrier) et #\u2060permaculture.

				#markdown #jardin""");
		assertThat(MarkupParser.parse(garden.messageText()).tags()).extracting(Hashtag::display)
			.containsExactly("markdown", "jardin");
		assertThat(result.bookmarks().get(1).messageText())
			.isEqualTo("Rappel privé\n\nChanger le mot de passe du routeur & noter le `code` dans le carnet.\n\n#todo");
		assertThat(result.bookmarks().get(2).messageText()).isEqualTo("Une note sans texte");
	}

	@Test
	void shouldSayWhyAnAddressIsNotAWebOne() throws Exception {
		Imports.Result result = Imports.read("""
				<DL><p>
				<DT><A HREF="PLACE:sort=8">Most visited</A>
				<DT><A HREF=" JavaScript:alert(1)">Bookmarklet</A>
				<DT><A HREF="ftp://files.example.org/a">Files</A>
				<DT><A HREF="mailto:ana@example.org">Mail</A>
				<DT><A HREF="//example.org/no-scheme">No scheme</A>
				<DT><A HREF="?Empty1"></A>
				</DL><p>
				""");

		assertThat(result.bookmarks()).isEmpty();
		assertThat(result.skipped()).extracting(SkippedBookmark::reason)
			.containsExactly(Reason.BROWSER_QUERY, Reason.BOOKMARKLET, Reason.NOT_A_WEB_ADDRESS,
					Reason.NOT_A_WEB_ADDRESS, Reason.NOT_A_WEB_ADDRESS, Reason.NOT_A_BOOKMARK);
	}

	@Test
	void shouldReadLinkdingExportWithItsNotesAndOddLineEnds() throws Exception {
		Imports.Result result = Imports.fixture("linkding.html");

		assertThat(result.bookmarks()).hasSize(3);
		Bookmark vacuum = result.bookmark("https://kb.example.com/articles/postgres-vacuum");
		assertThat(vacuum.description()).isEqualTo("How autovacuum decides when to run.\n\n"
				+ "Check our autovacuum_naptime on the reporting server.\nAlso the freeze settings.");
		assertThat(vacuum.isPrivate()).isTrue();
		assertThat(result.bookmark("https://video.example.org/watch/8841").hashtags())
			.containsExactly("talks", "linkding_archived");
		assertThat(result.bookmark("https://photos.example.com/album/autumn").tags()).isEmpty();
	}

	@Test
	void shouldReadLowerCaseUnquotedWindows1252FileWithoutDoctype() throws Exception {
		Imports.Result result = Imports.fixture("odd-windows-1252.html");

		Bookmark gamay = result.bookmark("https://vins.example.fr/cepages/gamay");
		assertThat(gamay.title()).isEqualTo("Le gamay, cépage “léger” — vraiment ?");
		assertThat(gamay.description()).isEqualTo("Prix moyen : 12 €\nÀ servir frais.");
		assertThat(gamay.hashtags()).containsExactly("vin", "Gamay", "beaujolais", "Cuisine_&_vins");
		assertThat(gamay.addedAt()).isEqualTo(Instant.parse("2010-01-01T00:00:00Z"));
		Bookmark tatin = result.bookmark("https://cuisine.example.fr/recettes/tarte-tatin");
		assertThat(tatin.title()).isEqualTo("Tarte Tatin inratable");
		assertThat(tatin.addedAt()).isEqualTo(Instant.parse("2011-01-01T00:00:00Z"));
		assertThat(result.bookmark("https://cuisine.example.fr/sans-date").addedAt()).isNull();
		assertThat(result.bookmark("HTTPS://Upper.Example.COM/Path").title()).isEqualTo("Adresse en capitales");
		Bookmark bread = result.bookmark("https://cuisine.example.fr/pain");
		assertThat(bread.addedAt()).isNull();
		assertThat(bread.isPrivate()).isTrue();
		assertThat(bread.title()).isEqualTo("Pain de campagne\u00A0: la méthode");
		assertThat(result.skipped()).singleElement()
			.satisfies((skipped) -> assertThat(skipped).isEqualTo(
					new SkippedBookmark(11, 5, Reason.NO_ADDRESS, "Un lien sans adresse")));
	}

	@Test
	void shouldHonourByteOrderMarks() throws Exception {
		String file = "<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<DL><p>\n"
				+ "<DT><A HREF=\"https://example.org/ç\" ADD_DATE=\"1700000000\">Ça marche</A>\n</DL><p>\n";
		byte[] utf16 = file.getBytes(StandardCharsets.UTF_16);
		byte[] utf8 = ("\uFEFF" + file).getBytes(StandardCharsets.UTF_8);

		assertThat(Imports.read(utf16, ImportOptions.defaults()).bookmarks()).extracting(Bookmark::title)
			.containsExactly("Ça marche");
		assertThat(Imports.read(utf8, ImportOptions.defaults()).bookmarks()).extracting(Bookmark::title)
			.containsExactly("Ça marche");
	}

	@Test
	void shouldSkipAnEntryWithAGiantTitleAndGoOn() throws Exception {
		String file = "<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<DL><p>\n"
				+ "<DT><A HREF=\"https://example.org/big\">" + "long title ".repeat(10_000) + "</A>\n"
				+ "<DT><A HREF=\"https://example.org/next\" TAGS=\"" + "t,".repeat(40_000) + "\">Too many tags</A>\n"
				+ "<DT><A HREF=\"https://example.org/fine\">Fine</A>\n</DL><p>\n";

		Imports.Result result = Imports.read(file);

		assertThat(result.urls()).containsExactly("https://example.org/fine");
		assertThat(result.skipped()).extracting(SkippedBookmark::line, SkippedBookmark::reason, SkippedBookmark::detail)
			.containsExactly(tuple(3L, Reason.TOO_LONG, "title longer than 65536 characters"),
					tuple(4L, Reason.TOO_LONG, "tags longer than 65536 characters"));
	}

	@Test
	void shouldNotKeepLargeIconsInMemory() throws Exception {
		String icon = "data:image/png;base64," + "A".repeat(1_500_000);
		String file = "<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<DL><p>\n<DT><A HREF=\"https://example.org/\" ICON=\""
				+ icon + "\">With a large icon</A>\n</DL><p>\n";

		assertThat(Imports.read(file).bookmarks()).extracting(Bookmark::title).containsExactly("With a large icon");
	}

	@Test
	void shouldReadFiveThousandGeneratedBookmarks() throws Exception {
		StringBuilder file = new StringBuilder("<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<DL><p>\n");
		for (int folder = 0; folder < 50; folder++) {
			file.append("<DT><H3>Folder ").append(folder).append("</H3>\n<DL><p>\n");
			for (int i = 0; i < 100; i++) {
				int n = folder * 100 + i;
				file.append("<DT><A HREF=\"https://site").append(n % 97).append(".example.org/page/").append(n)
					.append("\" ADD_DATE=\"").append(1_600_000_000L + n * 60L).append("\" TAGS=\"tag").append(n % 13)
					.append(",common\">Page ").append(n).append(" &amp; more</A>\n<DD>Description of page ").append(n)
					.append('\n');
			}
			file.append("</DL><p>\n");
		}
		file.append("</DL><p>\n");

		Imports.Result result = Imports.read(file.toString());

		assertThat(result.bookmarks()).hasSize(5000);
		assertThat(result.skipped()).isEmpty();
		Bookmark last = result.bookmarks().get(4999);
		assertThat(last.url()).isEqualTo("https://site52.example.org/page/4999");
		assertThat(last.title()).isEqualTo("Page 4999 & more");
		assertThat(last.description()).isEqualTo("Description of page 4999");
		assertThat(last.tags()).containsExactly("tag7", "common", "Folder 49");
		assertThat(last.addedAt()).isEqualTo(Instant.ofEpochSecond(1_600_000_000L + 4999 * 60L));
	}

	@Test
	void shouldEndAnUnclosedFolderNameAtTheNextList() throws Exception {
		String file = "<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<DL><p>\n<DT><H3>Unclosed folder\n<DL><p>\n"
				+ "<DT><A HREF=\"https://example.org/\">Inside</A>\n</DL><p>\n</DL><p>\n";

		assertThat(Imports.read(file).bookmarks()).extracting(Bookmark::tags)
			.containsExactly(java.util.List.of("Unclosed folder"));
	}

}
