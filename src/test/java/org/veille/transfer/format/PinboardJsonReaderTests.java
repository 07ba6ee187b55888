package org.veille.transfer.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.veille.transfer.format.ImportFormatException.Problem;
import org.veille.transfer.format.SkippedBookmark.Reason;

class PinboardJsonReaderTests {

	@Test
	void shouldReadPinboardExport() throws Exception {
		Imports.Result result = Imports.fixture("pinboard.json");

		assertThat(result.summary()).isEqualTo(new ImportSummary(BookmarkFormat.PINBOARD_JSON, 4, 1));
		Bookmark swifts = result.bookmark("https://birds.example.org/guides/swifts");
		assertThat(swifts).isEqualTo(Bookmark.of("https://birds.example.org/guides/swifts", "Swifts: a year in the air",
				"They sleep while flying.\nNotes from the 2019 survey.", List.of("birds", "nature", "migration"),
				Instant.parse("2019-05-12T08:30:00Z"), false, "a1b2c3d4e5f60718293a4b5c6d7e8f90"));
	}

	@Test
	void shouldReadSharedNoAsPrivateAndOffsetsAsInstants() throws Exception {
		Imports.Result result = Imports.fixture("pinboard.json");

		Bookmark unicode = result.bookmark("https://code.example.com/blog/unicode-normalization");
		assertThat(unicode.isPrivate()).isTrue();
		assertThat(unicode.description()).isNull();
		assertThat(unicode.tags()).containsExactly("unicode", "NFC", "text");
		Bookmark painting = result.bookmark("https://museum.example.org/collection/12345");
		assertThat(painting.title()).isEqualTo("Café au lait — a painting");
		assertThat(painting.addedAt()).isEqualTo(Instant.parse("2021-07-14T10:00:00Z"));
		Bookmark rain = result.bookmark("https://stats.example.net/dashboards/rain");
		assertThat(rain.addedAt()).isNull();
		assertThat(rain.tags()).isEmpty();
		assertThat(result.skipped()).extracting(SkippedBookmark::line, SkippedBookmark::reason, SkippedBookmark::detail)
			.containsExactly(tuple(4L, Reason.BOOKMARKLET, "javascript:alert(1)"));
	}

	@Test
	void shouldReadPostsInsideAnObjectAndTagsAsAList() throws Exception {
		Imports.Result result = Imports.read("""
				{"date": "2024-01-01T00:00:00Z", "user": "someone", "posts": [
				  {"href": "https://example.org/a", "description": "A", "tags": ["one", "two words"]},
				  12,
				  {"href": "https://example.org/b", "description": "B", "extended": null, "meta": {"nested": [1, 2]}}
				]}""");

		assertThat(result.bookmarks()).extracting(Bookmark::url, Bookmark::tags)
			.containsExactly(tuple("https://example.org/a", List.of("one", "two words")),
					tuple("https://example.org/b", List.of()));
		assertThat(result.skipped()).extracting(SkippedBookmark::reason, SkippedBookmark::detail)
			.containsExactly(tuple(Reason.NOT_A_BOOKMARK, "a number in the list"));
	}

	@Test
	void shouldSkipPostsWithoutAddressOrWithAFieldTooLong() throws Exception {
		Imports.Result result = Imports.read("[{\"description\": \"No link\"}, {\"href\": \"https://example.org/long\","
				+ " \"extended\": \"" + "x".repeat(70_000) + "\"}, {\"href\": \"https://example.org/ok\"}]");

		assertThat(result.urls()).containsExactly("https://example.org/ok");
		assertThat(result.skipped()).extracting(SkippedBookmark::reason, SkippedBookmark::detail)
			.containsExactly(tuple(Reason.NO_ADDRESS, "No link"),
					tuple(Reason.TOO_LONG, "extended longer than 65536 characters"));
	}

	@Test
	void shouldRefuseChromiumsInternalBookmarksFile() {
		String chromium = """
				{"checksum": "0123456789abcdef", "roots": {"bookmark_bar": {"children": [], "name": "Bookmarks bar"}},
				 "version": 1}""";

		assertThatExceptionOfType(ImportFormatException.class).isThrownBy(() -> Imports.read(chromium))
			.satisfies((ex) -> {
				assertThat(ex.problem()).isEqualTo(Problem.UNKNOWN_FORMAT);
				assertThat(ex.getMessage()).contains("Chromium").contains("export your bookmarks as HTML");
			});
	}

	@Test
	void shouldRefuseAnObjectWithoutPosts() {
		assertThatExceptionOfType(ImportFormatException.class).isThrownBy(() -> Imports.read("{\"a\": 1}"))
			.satisfies((ex) -> assertThat(ex.getMessage()).contains("no \"posts\" list"));
	}

	@Test
	void shouldRefuseAFileCutInAString() {
		String cut = "[{\"href\": \"https://example.org/a\", \"description\": \"A title that never";

		assertThatExceptionOfType(ImportFormatException.class).isThrownBy(() -> Imports.read(cut))
			.satisfies((ex) -> {
				assertThat(ex.problem()).isEqualTo(Problem.TRUNCATED);
				assertThat(ex.line()).isEqualTo(1);
				assertThat(ex.getMessage()).startsWith("Line 1, column ").contains("cut short");
			});
	}

	@Test
	void shouldRefuseAFileCutBetweenPosts() {
		String cut = "[{\"href\": \"https://example.org/a\"},\n{\"href\": \"https://example.org/b\"},\n";

		assertThatExceptionOfType(ImportFormatException.class).isThrownBy(() -> Imports.read(cut))
			.satisfies((ex) -> assertThat(ex.problem()).isEqualTo(Problem.TRUNCATED));
	}

	@Test
	void shouldRefuseSyntaxErrorsWithTheirPosition() {
		String broken = "[{\"href\": \"https://example.org/a\"},\n {\"href\" \"https://example.org/b\"}]";

		assertThatExceptionOfType(ImportFormatException.class).isThrownBy(() -> Imports.read(broken))
			.satisfies((ex) -> {
				assertThat(ex.problem()).isEqualTo(Problem.MALFORMED);
				assertThat(ex.line()).isEqualTo(2);
				assertThat(ex.detail()).startsWith("invalid JSON: ").contains("expecting a colon");
			});
	}

	@Test
	void shouldRefuseContentAfterTheList() {
		assertThatExceptionOfType(ImportFormatException.class).isThrownBy(() -> Imports.read("[] []"))
			.satisfies((ex) -> assertThat(ex.detail()).isEqualTo("unexpected a list after the list of bookmarks"));
	}

	@Test
	void shouldStopAtAStringBeyondAllReason() {
		String giant = "[{\"href\": \"https://example.org/\", \"extended\": \"" + "y".repeat(3_000_000) + "\"}]";

		assertThatExceptionOfType(ImportFormatException.class).isThrownBy(() -> Imports.read(giant))
			.satisfies((ex) -> assertThat(ex.problem()).isEqualTo(Problem.TOO_LARGE));
	}

	@Test
	void shouldSkipAPostWithTagsBeyondReasonAndIgnoreUnknownFields() throws Exception {
		StringBuilder tags = new StringBuilder();
		for (int i = 0; i < 1500; i++) {
			tags.append(i == 0 ? "" : ",").append("\"t").append(i).append('"');
		}
		String file = "[{\"href\": \"https://example.org/a\", \"tags\": [" + tags + "]},"
				+ " {\"href\": \"https://example.org/b\", \"unknown\": \"" + "z".repeat(100_000) + "\", \"x1\": 1}]";

		Imports.Result result = Imports.read(file);

		assertThat(result.urls()).containsExactly("https://example.org/b");
		assertThat(result.skipped()).extracting(SkippedBookmark::reason, SkippedBookmark::detail)
			.containsExactly(tuple(Reason.TOO_LONG, "more than 1000 tags"));
	}

	@Test
	void shouldRefuseBytesThatAreNotUtf8() {
		byte[] latin1 = "[{\"href\": \"https://example.org/\",\n \"description\": \"Caf\u00e9\"}]"
			.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);

		assertThatExceptionOfType(ImportFormatException.class)
			.isThrownBy(() -> Imports.read(latin1, ImportOptions.defaults()))
			.satisfies((ex) -> {
				assertThat(ex.problem()).isEqualTo(Problem.ENCODING);
				assertThat(ex.line()).isEqualTo(2);
			});
	}

}
