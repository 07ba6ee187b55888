package org.veille.markup;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Words from elsewhere (a page's keywords) made into a tag by the rules of a typed one. */
class HashtagTests {

	@ParameterizedTest(name = "[{index}] \"{0}\" -> {1}")
	@CsvSource(delimiter = '|', quoteCharacter = '"', nullValues = "NONE", textBlock = """
			Climat                  | Climat               | climat
			changement climatique   | changement_climatique | changement_climatique
			"  Santé   publique "   | Santé_publique       | sante_publique
			#Énergie                | Énergie              | energie
			COVID-19                | COVID-19             | covid-19
			C++                     | C++                  | c++
			AT&T                    | AT&T                 | at&t
			Données (RGPD)          | Données_(RGPD)       | donnees_(rgpd)
			U.S.                    | NONE                 | NONE
			<b>gras</b>             | NONE                 | NONE
			!!!                     | NONE                 | NONE
			"   "                   | NONE                 | NONE
			[fr]a[en]b              | NONE                 | NONE
			a--b                    | NONE                 | NONE
			""                      | NONE                 | NONE
			""")
	void shouldMakeATagOfWordsOnlyWhenTheyReadAsOneTag(String words, String display, String key) {
		Hashtag tag = Hashtag.fromWords(words, 100);
		if (display == null) {
			assertThat(tag).isNull();
		}
		else {
			assertThat(tag).isNotNull();
			assertThat(tag.display()).isEqualTo(display);
			assertThat(tag.key()).isEqualTo(key);
		}
	}

	@ParameterizedTest
	@CsvSource({ "100, true", "101, false" })
	void shouldRefuseWordsLongerThanATag(int length, boolean kept) {
		assertThat(Hashtag.fromWords("a".repeat(length), 100) != null).isEqualTo(kept);
	}

}
