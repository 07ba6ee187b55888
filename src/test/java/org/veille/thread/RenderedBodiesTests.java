package org.veille.thread;

import java.util.Set;

import org.junit.jupiter.api.Test;

import org.veille.markup.RenderedMessage;

import static org.assertj.core.api.Assertions.assertThat;

/** A text is rendered once per language, known mentions and trust in its links, then served from memory. */
class RenderedBodiesTests {

	private final RenderedBodies bodies = new RenderedBodies();

	@Test
	void shouldRenderATextOnceForTheSameReaderLanguageAndPeople() {
		RenderedMessage first = this.bodies.render("Du *vent* #energie", "fr", Set.of(), false);
		RenderedMessage again = this.bodies.render(new String("Du *vent* #energie"), "fr", Set.of(), false);

		assertThat(again).isSameAs(first);
		assertThat(first.html()).contains("<strong>vent</strong>").contains("/tag/energie");
	}

	@Test
	void shouldRenderAnEditedTextAfresh() {
		RenderedMessage before = this.bodies.render("Avant #energie", "en", Set.of(), false);
		RenderedMessage after = this.bodies.render("Après #energie", "en", Set.of(), false);

		assertThat(after.html()).contains("Après").doesNotContain("Avant");
		assertThat(before.html()).contains("Avant");
	}

	@Test
	void shouldLinkAMentionOnceThePersonHasAnAccount() {
		String text = "Merci @Nouvelle et @absente";
		RenderedMessage unknown = this.bodies.render(text, "fr", Set.of("autre"), false);
		RenderedMessage known = this.bodies.render(text, "fr", Set.of("nouvelle", "autre"), false);

		assertThat(unknown.html()).doesNotContain("/people/");
		assertThat(known.html()).contains("/people/Nouvelle").doesNotContain("/people/absente");
		assertThat(this.bodies.render(text, "fr", Set.of("nouvelle"), false)).as("only the mentioned people count")
			.isSameAs(known);
	}

	@Test
	void shouldKeepTheLinksOfTrustedAndNewAccountsApart() {
		String text = "Lu sur https://example.org/etude";
		RenderedMessage trusted = this.bodies.render(text, "fr", Set.of(), true);
		RenderedMessage newcomer = this.bodies.render(text, "fr", Set.of(), false);

		assertThat(newcomer.html()).contains("nofollow");
		assertThat(trusted.html()).doesNotContain("nofollow");
	}

	@Test
	void shouldKeepLanguagesApart() {
		RenderedMessage english = this.bodies.render("Un texte", "en", Set.of(), false);
		RenderedMessage french = this.bodies.render("Un texte", "fr", Set.of(), false);

		assertThat(french).isNotSameAs(english);
	}

}
