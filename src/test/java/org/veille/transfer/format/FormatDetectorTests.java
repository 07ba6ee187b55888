package org.veille.transfer.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.veille.transfer.format.ImportFormatException.Problem;

class FormatDetectorTests {

	@ParameterizedTest(name = "[{index}] {0}")
	@CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
			`<!DOCTYPE NETSCAPE-Bookmark-file-1>\\n<DL>`                                  | NETSCAPE_HTML
			`  \\n\\t<!doctype netscape-bookmark-file-1>`                              | NETSCAPE_HTML
			`<!-- exported -->\\n<META charset=utf-8><DL><p><DT><A HREF=x>`            | NETSCAPE_HTML
			`<html><body><dl><dt><a href="https://example.org">x</a>`                 | NETSCAPE_HTML
			`[{"href": "https://example.org"}]`                                       | PINBOARD_JSON
			`\\n  {"posts": []}`                                                      | PINBOARD_JSON
			`<?xml version="1.0"?>\\n<messages>`                                      | SEENTHIS_XML
			`<?xml version="1.0"?><!-- a comment --><message>`                       | SEENTHIS_XML
			`<?xml version='1.0'?>\\n<feed xmlns="http://www.w3.org/2005/Atom">`      | SEENTHIS_XML
			`<messages><message>`                                                     | SEENTHIS_XML
			`<?xml version="1.0"?><!DOCTYPE messages [<!ENTITY x "y">]><messages>`    | SEENTHIS_XML
			""")
	void shouldRecogniseFormats(String head, BookmarkFormat format) throws Exception {
		assertThat(FormatDetector.detect(unescape(head).getBytes(StandardCharsets.UTF_8))).isEqualTo(format);
	}

	@ParameterizedTest(name = "[{index}] {0}")
	@ValueSource(strings = { "UTF-8", "UTF-16LE", "UTF-16BE" })
	void shouldSeeThroughByteOrderMarks(String charset) throws Exception {
		byte[] bom = switch (charset) {
			case "UTF-8" -> new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };
			case "UTF-16LE" -> new byte[] { (byte) 0xFF, (byte) 0xFE };
			default -> new byte[] { (byte) 0xFE, (byte) 0xFF };
		};
		byte[] text = "<!DOCTYPE NETSCAPE-Bookmark-file-1>".getBytes(java.nio.charset.Charset.forName(charset));
		byte[] head = new byte[bom.length + text.length];
		System.arraycopy(bom, 0, head, 0, bom.length);
		System.arraycopy(text, 0, head, bom.length, text.length);

		assertThat(FormatDetector.detect(head)).isEqualTo(BookmarkFormat.NETSCAPE_HTML);
	}

	@ParameterizedTest(name = "[{index}] {1}")
	@CsvSource(delimiter = '|', textBlock = """
			504B0304140000000800 | a ZIP archive
			1F8B0800000000000003 | a gzip-compressed file
			89504E470D0A1A0A0000 | a PNG image
			FFD8FFE000104A464946 | a JPEG image
			474946383961 | a GIF image
			255044462D312E370A25 | a PDF document
			53514C69746520666F726D6174203300 | an SQLite database (such as Firefox's places.sqlite)
			6D6F7A4C7A3430000000 | a compressed Firefox backup (.jsonlz4)
			""")
	void shouldNameKnownBinaryFormats(String hex, String description) {
		assertThatExceptionOfType(ImportFormatException.class).isThrownBy(() -> FormatDetector.detect(bytes(hex)))
			.satisfies((ex) -> {
				assertThat(ex.problem()).isEqualTo(Problem.BINARY);
				assertThat(ex.getMessage()).startsWith("this is " + description);
			});
	}

	@ParameterizedTest(name = "[{index}] {0}")
	@CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
			``                                              | EMPTY          | the file is empty
			`   \\n\\t  \\n`                                  | EMPTY          | the file holds only blank space
			`<DL>\\u0000\\u0000<DT>`                          | BINARY         | NUL bytes (the first at byte 4)
			`\\u0001\\u0002\\u0003\\u0004abc\\u0005`          | BINARY         | control characters
			`Hello, these are my links:`                    | UNKNOWN_FORMAT | this is text that starts with «Hello, these are my links:»
			`url,title,tags\\nhttps://a.example,A,x`        | UNKNOWN_FORMAT | this is text that starts with «url,title,tags»
			`<?xml version="1.0"?><rss version="2.0">`      | UNKNOWN_FORMAT | this is an RSS feed
			`<?xml version="1.0"?><svg xmlns="x">`          | UNKNOWN_FORMAT | this is an XML document whose root element is <svg>
			`<!DOCTYPE html><html><head><title>Blog</title>` | UNKNOWN_FORMAT | this is an HTML page without bookmarks
			""")
	void shouldRefuseWhatItCannotRead(String head, Problem problem, String message) {
		byte[] bytes = unescape(head).getBytes(StandardCharsets.UTF_8);

		assertThatExceptionOfType(ImportFormatException.class).isThrownBy(() -> FormatDetector.detect(bytes))
			.satisfies((ex) -> {
				assertThat(ex.problem()).isEqualTo(problem);
				assertThat(ex.getMessage()).startsWith(message);
			});
	}

	@ParameterizedTest(name = "[{index}] {0}")
	@ValueSource(strings = { "Hello", "<!DOCTYPE html><p>Hi" })
	void shouldListTheFormatsItReadsWhenRefusing(String head) {
		assertThatExceptionOfType(ImportFormatException.class)
			.isThrownBy(() -> FormatDetector.detect(head.getBytes(StandardCharsets.UTF_8)))
			.withMessageEndingWith("Veille imports Netscape bookmark files (HTML), Pinboard JSON and Seenthis XML");
	}

	/** The text of a table cell, with {@code \\n}, {@code \\t} and {@code \\u0000} escapes. */
	private static String unescape(String cell) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < cell.length(); i++) {
			char c = cell.charAt(i);
			if (c == '\\' && i + 1 < cell.length() && cell.charAt(i + 1) == 'u') {
				text.append((char) Integer.parseInt(cell.substring(i + 2, i + 6), 16));
				i += 5;
			}
			else if (c == '\\' && i + 1 < cell.length()) {
				text.append(cell.charAt(i + 1) == 'n' ? '\n' : '\t');
				i++;
			}
			else {
				text.append(c);
			}
		}
		return text.toString();
	}

	private static byte[] bytes(String hex) {
		byte[] bytes = new byte[hex.length() / 2];
		for (int i = 0; i < bytes.length; i++) {
			bytes[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
		}
		return bytes;
	}

}
