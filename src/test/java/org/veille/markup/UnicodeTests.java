package org.veille.markup;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class UnicodeTests {

	private static final String ACUTE = "\u0301";

	private static final String GRAPHEME_JOINER = "\u034F";

	@ParameterizedTest(name = "[{index}] {0}")
	@ValueSource(strings = { "Sante\u0301", "Phở", "e\u0301\u0323\u0302", "བསྒྲུབས", "ज़िन्दगी", "한국어", "" })
	void shouldNormalizeOrdinaryTextsToNfcUnchanged(String text) {
		assertThat(Unicode.nfc(text)).isEqualTo(java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFC));
	}

	@Test
	void shouldPutAGraphemeJoinerAfterEveryThirtyCombiningMarksInARow() {
		String text = "a" + ACUTE.repeat(30) + "b" + ACUTE.repeat(61);

		assertThat(Unicode.nfc(text)).isEqualTo("á" + ACUTE.repeat(29) + "b" + ACUTE.repeat(30) + GRAPHEME_JOINER
				+ ACUTE.repeat(30) + GRAPHEME_JOINER + ACUTE);
	}

	@Test
	void shouldCountAGraphemeJoinerTypedAsTheEndOfARun() {
		String text = "a" + ACUTE.repeat(20) + GRAPHEME_JOINER + ACUTE.repeat(20);

		assertThat(Unicode.nfc(text)).doesNotContain(GRAPHEME_JOINER + GRAPHEME_JOINER)
			.isEqualTo("á" + ACUTE.repeat(19) + GRAPHEME_JOINER + ACUTE.repeat(20));
	}

	@Test
	void shouldGiveTheSameTextWhenNormalizedAgain() {
		String text = "a" + "\u0301\u0316".repeat(100) + "\uD834\uDD65".repeat(40);

		String once = Unicode.nfc(text);

		assertThat(Unicode.nfc(once)).isEqualTo(once);
		assertThat(MarkupParser.normalize(once)).isEqualTo(once);
	}

	@Test
	void shouldStoreMessagesWithLongRunsOfMarksBrokenByJoiners() {
		String text = "Zalgo a" + "\u0301\u0316".repeat(10_000);

		String stored = MarkupParser.parse(text).text();

		assertThat(stored).contains(GRAPHEME_JOINER);
		assertThat(stored.codePoints().filter((c) -> c == 0x034F).count()).isEqualTo(20_000 / Unicode.LONGEST_RUN);
	}

	@Test
	void shouldFoldTagsWithLongRunsOfMarksAsTheTextIsStored() {
		String tag = "e" + "\u0301\u0316".repeat(50);

		assertThat(TagKeys.fold(tag)).isEqualTo(TagKeys.fold(MarkupParser.normalize(tag)));
	}

}
