package org.veille.markup;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class TagKeysTests {

	@ParameterizedTest(name = "[{index}] {0} -> {1}")
	@CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
			Santé                                     | sante
			santé                                     | sante
			sante                                     | sante
			SANTÉ                                     | sante
			Ça_va                                     | ca_va
			l’école                                   | l'ecole
			l‘a                                       | l'a
			a–b                                       | a-b
			COVID-19                                  | covid-19
			Données_(RGPD)                            | donnees_(rgpd)
			Phở                                       | pho
			Ærøskøbing                                | ærøskøbing
			Ångström                                  | angstrom
			Straße                                    | straße
			İstanbul                                  | istanbul
			Москва                                    | москва
			Йод                                       | йод
			Ελλάδα                                    | ελλάδα
			東京                                       | 東京
			2026/11                                   | 2026/11
			[fr]Étiquette_française[en]English_label  | etiquette_francaise
			[en]English_label[fr]Étiquette_française  | english_label
			[FR]Santé                                 | sante
			[en]english_label[fr]etiquette_francaise  | english_label
			""")
	void shouldFoldDisplayFormsToKeys(String display, String key) {
		assertThat(TagKeys.fold(display)).isEqualTo(key);
	}

	@Test
	void shouldFoldDecomposedAccentsLikeComposedOnes() {
		assertThat(TagKeys.fold("Sante\u0301")).isEqualTo(TagKeys.fold("Santé")).isEqualTo("sante");
	}

	@Test
	void shouldKeepTheBreveOfCyrillicShortI() {
		assertThat(TagKeys.fold("И\u0306")).isEqualTo("й");
	}

	@ParameterizedTest(name = "[{index}] {0} -> {1}")
	@CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
			sante                     | sante
			données_(rgpd)            | donn%C3%A9es_(rgpd)
			2026/11                   | 2026/11
			r&d                       | r&d
			l'ecole                   | l'ecole
			a+b                       | a+b
			v1.2@x-y~z                | v1.2@x-y~z
			москва                    | %D0%BC%D0%BE%D1%81%D0%BA%D0%B2%D0%B0
			20°c                      | 20%C2%B0c
			[en]a[fr]b                | %5Ben%5Da%5Bfr%5Db
			"a b"                     | a%20b
			50%                       | 50%25
			a$                        | a%24
			a*                        | a%2A
			a;b                       | a%3Bb
			a?b#c                     | a%3Fb%23c
			""")
	void shouldEncodeKeysAsAPathKeepingSlashes(String key, String path) {
		assertThat(TagKeys.pathOf(key)).isEqualTo(path);
	}

	@Test
	void shouldLabelAMultilingualTagInTheReadersLanguage() {
		Hashtag tag = Hashtag.of("[fr]Étiquette[en]Label");

		assertThat(tag.label("fr")).isEqualTo("Étiquette");
		assertThat(tag.label("EN")).isEqualTo("Label");
		assertThat(tag.label("en-GB")).isEqualTo("Label");
		assertThat(tag.label("de")).isEqualTo("Étiquette");
	}

	@Test
	void shouldKeyAMultilingualTagByTheLabelOfTheReadersLanguage() {
		Hashtag tag = Hashtag.of("[fr]Étiquette[en]Label[nl]Label");

		assertThat(tag.key()).isEqualTo("etiquette");
		assertThat(tag.key("en")).isEqualTo("label");
		assertThat(tag.key("fr-BE")).isEqualTo("etiquette");
		assertThat(tag.key("de")).isEqualTo("etiquette");
		assertThat(tag.filedUnder()).extracting(Hashtag::key, Hashtag::display)
			.containsExactly(tuple("etiquette", "Étiquette"), tuple("label", "Label"));
		assertThat(tag.filedUnder()).allSatisfy((variant) -> assertThat(variant.variants()).isEmpty());
	}

	@Test
	void shouldLabelAPlainTagByItsDisplayForm() {
		Hashtag tag = Hashtag.of("Santé");

		assertThat(tag.key()).isEqualTo("sante");
		assertThat(tag.variants()).isEmpty();
		assertThat(tag.label("en")).isEqualTo("Santé");
		assertThat(tag.key("fr")).isEqualTo("sante");
		assertThat(tag.filedUnder()).containsExactly(tag);
	}

}
