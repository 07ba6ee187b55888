package org.veille.charset;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.jspecify.annotations.Nullable;

class CharsetSnifferTests {

	private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

	@Test
	void shouldPreferHeaderOverMetaTag() {
		byte[] page = "<meta charset=utf-8><title>Caf\u00e9</title>".getBytes(WINDOWS_1252);

		assertThat(decode(page, "windows-1252", false).text()).contains("Café");
	}

	@Test
	void shouldReadHttpEquivMetaTag() {
		String html = "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-15\">"
				+ "<title>\u20ac</title>";
		byte[] page = html.getBytes(Charset.forName("ISO-8859-15"));

		Decoded decoded = decode(page, null, false);

		assertThat(decoded.charset().name()).isEqualTo("ISO-8859-15");
		assertThat(decoded.text()).contains("€");
	}

	@Test
	void shouldReadLatin1LabelAsWindows1252LikeBrowsers() {
		byte[] euro = {'<', 'p', '>', (byte) 0x80};

		Decoded decoded = decode(euro, "iso-8859-1", false);

		assertThat(decoded.charset()).isEqualTo(WINDOWS_1252);
		assertThat(decoded.text()).endsWith("€");
	}

	@Test
	void shouldHonourByteOrderMarkOverHeader() {
		byte[] page = "\uFEFF<title>Être</title>".getBytes(StandardCharsets.UTF_16LE);

		Decoded decoded = decode(page, "windows-1252", false);

		assertThat(decoded.charset()).isEqualTo(StandardCharsets.UTF_16LE);
		assertThat(decoded.text()).isEqualTo("<title>Être</title>");
	}

	@Test
	void shouldReadMetaTagClaimingUtf16AsUtf8() {
		byte[] page = "<meta charset=utf-16><title>Être</title>".getBytes(StandardCharsets.UTF_8);

		assertThat(decode(page, null, false).text()).contains("Être");
	}

	@ParameterizedTest
	@CsvSource({"unknown-charset", "''", "utf-8\"", "x"})
	void shouldIgnoreUnknownLabels(String label) {
		byte[] page = "<title>D\u00e9j\u00e0</title>".getBytes(StandardCharsets.UTF_8);

		assertThat(decode(page, label, false).text()).contains("Déjà");
	}

	@Test
	void shouldFallBackToUtf8ForValidUtf8() {
		byte[] page = "<title>Ελληνικά</title>".getBytes(StandardCharsets.UTF_8);

		Decoded decoded = decode(page, null, false);

		assertThat(decoded.charset()).isEqualTo(StandardCharsets.UTF_8);
		assertThat(decoded.text()).contains("Ελληνικά");
	}

	@Test
	void shouldFallBackToWindows1252ForInvalidUtf8() {
		Decoded decoded = decode(new byte[] {'C', 'a', 'f', (byte) 0xE9}, null, false);

		assertThat(decoded.charset()).isEqualTo(WINDOWS_1252);
		assertThat(decoded.text()).isEqualTo("Café");
	}

	@Test
	void shouldTreatUtf8CutInsideCharacterAsUtf8OnlyWhenPageWasCut() {
		byte[] endsInsideCharacter = {'C', 'a', 'f', (byte) 0xC3};

		assertThat(CharsetSniffer.isUtf8(endsInsideCharacter, 4, true)).isTrue();
		assertThat(CharsetSniffer.isUtf8(endsInsideCharacter, 4, false)).isFalse();
		assertThat(CharsetSniffer.isUtf8(new byte[] {'C', (byte) 0xC3, 'a'}, 3, true)).isFalse();
	}

	@Test
	void shouldReadGb2312AsGbkLikeBrowsers() {
		assertThat(CharsetSniffer.lookup("gb2312")).isEqualTo(Charset.forName("GBK"));
		assertThat(CharsetSniffer.lookup("US-ASCII")).isEqualTo(WINDOWS_1252);
		assertThat(CharsetSniffer.lookup("no-such-charset")).isNull();
	}

	@Test
	void shouldReadTheHttpEquivMetaTagOfANetscapeBookmarkFile() {
		byte[] file = ("<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html;"
				+ " charset=windows-1252\">\n<DL><p><DT><A HREF=\"https://example.org\">Caf\u00e9</A>")
			.getBytes(WINDOWS_1252);

		assertThat(CharsetSniffer.ofHtml(file, file.length, null, false)).isEqualTo(WINDOWS_1252);
	}

	/** What a page reads as: its charset, and its text without the byte order mark. */
	private record Decoded(String text, Charset charset) {
	}

	private static Decoded decode(byte[] bytes, @Nullable String declared, boolean cut) {
		Charset charset = CharsetSniffer.ofHtml(bytes, bytes.length, declared, cut);
		CharsetSniffer.Bom bom = CharsetSniffer.Bom.of(bytes, bytes.length);
		int start = (bom != null) ? bom.length() : 0;
		return new Decoded(new String(bytes, start, bytes.length - start, charset), charset);
	}
}
