package org.veille.search;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Passages are shown as typed, escaped, with only the marks PostgreSQL placed. */
class PassagesTests {

	private static final char START = Passages.START;

	private static final char STOP = Passages.STOP;

	@Test
	void shouldShowTheFoldedFragmentAsTypedWithItsMarks() {
		String original = "Titre\n\nLa Grande Œuvre d'ÉTÉ, vue à Paris.";
		String headline = "la grande " + START + "oeuvre" + STOP + " d'" + START + "ete" + STOP + ", vue";

		assertThat(Passages.highlighted(original, headline))
			.isEqualTo("… La Grande <mark>Œuvre</mark> d&#39;<mark>ÉTÉ</mark>, vue …");
	}

	@Test
	void shouldJoinFragmentsAndEscapeEverything() {
		String original = "a <b> & début zq fin. Puis bien plus loin zq encore";
		String headline = "debut " + START + "zq" + STOP + " fin" + Passages.CUT + "loin " + START + "zq" + STOP + " encore";

		assertThat(Passages.highlighted(original, headline))
			.isEqualTo("… début <mark>zq</mark> fin … loin <mark>zq</mark> encore");
	}

	@Test
	void shouldShowAFragmentItCannotFindAsPostgreSqlGaveItEscaped() {
		String original = "Du <i>gras</i> ici";
		String headline = "du  " + START + "gras" + STOP + "  ici <x>";

		assertThat(Passages.highlighted(original, headline)).isEqualTo("du  <mark>gras</mark>  ici &lt;x&gt;");
	}

	@Test
	void shouldOpenWithTheTextAfterItsTitle() {
		assertThat(Passages.opening("Le titre\nhttps://example.org/a\n\nLe <corps>")).isEqualTo("https://example.org/a Le &lt;corps&gt;");
		assertThat(Passages.opening("Seulement un titre")).isEqualTo("Seulement un titre");
		assertThat(Passages.opening("T\n" + "mot ".repeat(40))).isEqualTo(("mot ".repeat(30)).strip() + " …");
	}

}
