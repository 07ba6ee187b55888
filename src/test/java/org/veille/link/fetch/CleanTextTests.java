package org.veille.link.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CleanTextTests {

	@Test
	void shouldCollapseEveryKindOfWhitespace() {
		assertThat(CleanText.clean("  one\u00a0\u00a0two\n\tthree\u2003four  ", 100)).isEqualTo("one two three four");
	}

	@Test
	void shouldDropControlAndBidiOverrideCharacters() {
		assertThat(CleanText.clean("evil\u0000\u202Etxt.exe", 100)).isEqualTo("eviltxt.exe");
	}

	@Test
	void shouldDropTheNoncharactersAndLoneSurrogatesXmlForbids() {
		assertThat(CleanText.clean("Titre\uFFFF \uFFFEde la\uD800 page", 100)).isEqualTo("Titre de la page");
	}

	@Test
	void shouldGiveNullForNothingVisible() {
		assertThat(CleanText.clean(null, 10)).isNull();
		assertThat(CleanText.clean(" \n\u00a0 ", 10)).isNull();
	}

	@Test
	void shouldCutOnCodePointWithEllipsis() {
		assertThat(CleanText.clean("abcdef", 6)).isEqualTo("abcdef");
		assertThat(CleanText.clean("abcdefg", 6)).isEqualTo("abcde…");
		assertThat(CleanText.clean("😀😀😀😀", 3)).isEqualTo("😀😀…");
	}
}
