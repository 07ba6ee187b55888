package org.veille.text;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class XmlCharsTests {

	@ParameterizedTest(name = "U+{0} is allowed: {1}")
	@CsvSource({ "0000, false", "0001, false", "0008, false", "0009, true", "000A, true", "000B, false",
			"000C, false", "000D, true", "001F, false", "0020, true", "007F, true", "D7FF, true", "D800, false",
			"DFFF, false", "E000, true", "FDD0, true", "FFFD, true", "FFFE, false", "FFFF, false", "10000, true",
			"1F600, true", "10FFFF, true" })
	void shouldFollowTheCharProductionOfXml10(String hex, boolean allowed) {
		assertThat(XmlChars.isAllowed(Integer.parseInt(hex, 16))).isEqualTo(allowed);
	}

	@Test
	void shouldRemoveNulControlsNoncharactersAndLoneSurrogates() {
		assertThat(XmlChars.strip("a\u0000b\u0001c\uFFFEd\uFFFFe\uD800f\uDC00g")).isEqualTo("abcdefg");
	}

	@Test
	void shouldKeepTabsLineEndsAndPairedSurrogates() {
		String text = "Tab\there\r\nnew line \uD83D\uDE00 \uE000 \uFFFD";

		assertThat(XmlChars.strip(text)).isSameAs(text);
	}

	@Test
	void shouldRemoveASurrogateThatEndsTheTextOrStartsIt() {
		assertThat(XmlChars.strip("\uDE00a\uD83D")).isEqualTo("a");
		assertThat(XmlChars.strip("\uD83D\uD83D\uDE00")).isEqualTo("\uD83D\uDE00");
	}

	@Test
	void shouldSayWhetherATextHoldsAForbiddenCharacter() {
		assertThat(XmlChars.isClean("plain \uD83D\uDE00 text")).isTrue();
		assertThat(XmlChars.isClean("lone \uD800")).isFalse();
		assertThat(XmlChars.isClean("\uFFFF")).isFalse();
	}

}
