package org.veille.transfer.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.veille.text.XmlChars;

/**
 * No imported field carries a character XML 1.0 forbids, whatever the format (DESIGN §8): they are removed
 * from every field of every entry, as from any other input. (A NUL byte still refuses a Netscape file as
 * binary, and XML 1.0 refuses its own file when it holds them.)
 */
class ForbiddenCharactersImportTests {

	@Test
	void shouldRemoveThemFromNetscapeFields() throws Exception {
		Imports.Result result = Imports.read("""
				<!DOCTYPE NETSCAPE-Bookmark-file-1>
				<DL><p>
				<DT><A HREF="https://example.org/a\uFFFF" ADD_DATE="1700000000" TAGS="un\u0001,deux&#xFFFE;">Titre\u0001 &#1;brut\uFFFF &#xFFFF;fin</A>
				<DD>Note\u0002 &#x1F;avec&#xD800; contr\u0007ôles
				</DL><p>
				""");

		Bookmark bookmark = result.bookmarks().get(0);
		assertThat(bookmark.url()).isEqualTo("https://example.org/a");
		assertThat(bookmark.title()).isEqualTo("Titre brut fin");
		assertThat(bookmark.description()).isEqualTo("Note avec contrôles");
		assertThat(bookmark.tags()).containsExactly("un", "deux");
		assertThat(XmlChars.isClean(bookmark.messageText())).isTrue();
	}

	@Test
	void shouldRemoveThemFromPinboardJson() throws Exception {
		Imports.Result result = Imports.read("""
				[{"href":"https://example.org/p","description":"Titre\\u0000 \\u0001pinboard\\uffff","extended":"Lone \\ud800surrogate\\ufffe",\
				"hash":"h\\u0001","time":"2020-01-01T00:00:00Z","shared":"yes","tags":"a\\u0001b"}]
				""");

		Bookmark bookmark = result.bookmarks().get(0);
		assertThat(bookmark.title()).isEqualTo("Titre pinboard");
		assertThat(bookmark.description()).isEqualTo("Lone surrogate");
		assertThat(bookmark.sourceId()).isEqualTo("h");
		assertThat(bookmark.tags()).containsExactly("ab");
	}

	@Test
	void shouldRemoveTheControlCharactersAnXml11SeenthisExportCarries() throws Exception {
		Imports.Result result = Imports.read(("""
				<?xml version="1.1" encoding="UTF-8"?>
				<messages>
				<message id="7" kind="message">
				<author href="https://seenthis.example/people/ana">Ana</author>
				<date>2013-11-02T18:40:00Z</date>
				<text>Texte&#1; avec&#x8; contrôles</text>
				</message>
				</messages>
				""").getBytes(StandardCharsets.UTF_8), ImportOptions.defaults());

		assertThat(result.bookmarks()).extracting(Bookmark::text).containsExactly("Texte avec contrôles");
	}

}
