package org.veille.link.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.veille.link.fetch.CharsetDetector.DecodedText;

class CharsetDetectorTests {

	private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

	@Test
	void shouldPreferHeaderOverMetaTag() {
		byte[] page = "<meta charset=utf-8><title>Caf\u00e9</title>".getBytes(WINDOWS_1252);

		assertThat(CharsetDetector.decode(page, "windows-1252", false).text()).contains("Café");
	}

	@Test
	void shouldReadHttpEquivMetaTag() {
		String html = "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-15\">"
				+ "<title>\u20ac</title>";
		byte[] page = html.getBytes(Charset.forName("ISO-8859-15"));

		DecodedText decoded = CharsetDetector.decode(page, null, false);

		assertThat(decoded.charset().name()).isEqualTo("ISO-8859-15");
		assertThat(decoded.text()).contains("€");
	}

	@Test
	void shouldReadLatin1LabelAsWindows1252LikeBrowsers() {
		byte[] euro = {'<', 'p', '>', (byte) 0x80};

		DecodedText decoded = CharsetDetector.decode(euro, "iso-8859-1", false);

		assertThat(decoded.charset()).isEqualTo(WINDOWS_1252);
		assertThat(decoded.text()).endsWith("€");
	}

	@Test
	void shouldHonourByteOrderMarkOverHeader() {
		byte[] page = "\uFEFF<title>Être</title>".getBytes(StandardCharsets.UTF_16LE);

		DecodedText decoded = CharsetDetector.decode(page, "windows-1252", false);

		assertThat(decoded.charset()).isEqualTo(StandardCharsets.UTF_16LE);
		assertThat(decoded.text()).isEqualTo("<title>Être</title>");
	}

	@Test
	void shouldReadMetaTagClaimingUtf16AsUtf8() {
		byte[] page = "<meta charset=utf-16><title>Être</title>".getBytes(StandardCharsets.UTF_8);

		assertThat(CharsetDetector.decode(page, null, false).text()).contains("Être");
	}

	@ParameterizedTest
	@CsvSource({"unknown-charset", "''", "utf-8\"", "x"})
	void shouldIgnoreUnknownLabels(String label) {
		byte[] page = "<title>D\u00e9j\u00e0</title>".getBytes(StandardCharsets.UTF_8);

		assertThat(CharsetDetector.decode(page, label, false).text()).contains("Déjà");
	}

	@Test
	void shouldFallBackToUtf8ForValidUtf8() {
		byte[] page = "<title>Ελληνικά</title>".getBytes(StandardCharsets.UTF_8);

		DecodedText decoded = CharsetDetector.decode(page, null, false);

		assertThat(decoded.charset()).isEqualTo(StandardCharsets.UTF_8);
		assertThat(decoded.text()).contains("Ελληνικά");
	}

	@Test
	void shouldFallBackToWindows1252ForInvalidUtf8() {
		DecodedText decoded = CharsetDetector.decode(new byte[] {'C', 'a', 'f', (byte) 0xE9}, null, false);

		assertThat(decoded.charset()).isEqualTo(WINDOWS_1252);
		assertThat(decoded.text()).isEqualTo("Café");
	}

	@Test
	void shouldTreatUtf8CutInsideCharacterAsUtf8OnlyWhenPageWasCut() {
		byte[] endsInsideCharacter = {'C', 'a', 'f', (byte) 0xC3};

		assertThat(CharsetDetector.isUtf8(endsInsideCharacter, true)).isTrue();
		assertThat(CharsetDetector.isUtf8(endsInsideCharacter, false)).isFalse();
		assertThat(CharsetDetector.isUtf8(new byte[] {'C', (byte) 0xC3, 'a'}, true)).isFalse();
	}
}
