package org.veille.message;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import org.veille.markup.Hashtag;
import org.veille.markup.ParsedMessage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.fail;

class MessageLimitsTests {

	/** The tag of a real Seenthis message, in three languages. */
	static final String RGPD = "[fr]Règlement_Général_sur_la_Protection_des_Données_(RGPD)"
			+ "[en]General_Data_Protection_Regulation_(GDPR)[nl]General_Data_Protection_Regulation_(GDPR)";

	/** A letter outside the BMP, four bytes in UTF-8: 100 of them make the largest key a variant can have. */
	private static final String WIDE_LETTER = new String(Character.toChars(0x20000));

	@Test
	void shouldRefuseATextOverTheLimitWithoutParsingIt() {
		String text = "http://-".repeat(5_000);

		assertThatExceptionOfType(MessageRejectedException.class)
			.isThrownBy(() -> MessageLimits.parse(text, (stored) -> fail("parsed a text of %d characters", stored.length())))
			.satisfies((ex) -> {
				assertThat(ex.messageKey()).isEqualTo("post.text.too-long");
				assertThat(ex.arguments()).containsExactly(40_000, 20_000);
			});
	}

	@Test
	void shouldMeasureTheTextAsStored() {
		String decomposed = "Titre\r\n" + "e\u0301".repeat(19_994);

		ParsedMessage parsed = MessageLimits.parse(decomposed);

		assertThat(parsed.text().codePointCount(0, parsed.text().length())).isEqualTo(20_000);
	}

	@Test
	void shouldAcceptTheMultilingualTagOfASeenthisMessageAmongADozenOthers() {
		ParsedMessage parsed = MessageLimits.parse("Le RGPD\n#" + RGPD
				+ " #vie_privée #données #Europe #droit #CNIL #cookies #consentement #surveillance #numérique #loi #web");

		assertThat(parsed.tags()).hasSize(12);
		assertThat(parsed.filedTags()).extracting(Hashtag::key)
			.contains("reglement_general_sur_la_protection_des_donnees_(rgpd)", "general_data_protection_regulation_(gdpr)")
			.hasSize(13);
	}

	@Test
	void shouldAcceptEightLanguagesOfAHundredCharactersEach() {
		ParsedMessage parsed = MessageLimits.parse("Huit langues #" + languages(8, 100));

		assertThat(parsed.filedTags()).hasSize(8)
			.allSatisfy((tag) -> assertThat(tag.key().codePointCount(0, tag.key().length())).isEqualTo(100));
	}

	@Test
	void shouldRefuseANinthLanguage() {
		assertThatExceptionOfType(MessageRejectedException.class)
			.isThrownBy(() -> MessageLimits.parse("Neuf langues #" + languages(9, 10)))
			.satisfies((ex) -> {
				assertThat(ex.messageKey()).isEqualTo("post.tags.too-many-languages");
				assertThat(ex.arguments()).endsWith(9, 8);
			});
	}

	@Test
	void shouldRefuseALanguageOverAHundredCharacters() {
		String longLabel = "a".repeat(101);

		assertThatExceptionOfType(MessageRejectedException.class)
			.isThrownBy(() -> MessageLimits.parse("Trop long #[fr]court[en]" + longLabel))
			.satisfies((ex) -> {
				assertThat(ex.messageKey()).isEqualTo("post.tags.too-long");
				assertThat(ex.arguments()).containsExactly("a".repeat(40) + "…", 100);
			});
	}

	@Test
	void shouldRefuseAPlainTagOverAHundredCharacters() {
		assertThatExceptionOfType(MessageRejectedException.class)
			.isThrownBy(() -> MessageLimits.parse("Trop long #" + WIDE_LETTER.repeat(101)))
			.satisfies((ex) -> assertThat(ex.arguments()).containsExactly(WIDE_LETTER.repeat(40) + "…", 100));
	}

	@Test
	void shouldCountEachLanguageOfAMultilingualTagAmongTheFiftyTags() {
		String tags = IntStream.rangeClosed(1, 48).mapToObj((i) -> "#t" + i).collect(Collectors.joining(" "));

		assertThat(MessageLimits.parse("Cinquante\n" + tags + " #[fr]a[en]b").filedTags()).hasSize(50);
		assertThatExceptionOfType(MessageRejectedException.class)
			.isThrownBy(() -> MessageLimits.parse("Cinquante et un\n" + tags + " #[fr]a[en]b[de]c"))
			.satisfies((ex) -> assertThat(ex.arguments()).containsExactly(51, 50));
	}

	/** A multilingual tag of so many languages, each label this long, of four-byte letters. */
	static String languages(int count, int length) {
		StringBuilder tag = new StringBuilder();
		for (int i = 0; i < count; i++) {
			tag.append('[').append((char) ('a' + i)).append((char) ('a' + i)).append(']')
				.append(Integer.toString(i)).append(WIDE_LETTER.repeat(length - 1));
		}
		return tag.toString();
	}

}
