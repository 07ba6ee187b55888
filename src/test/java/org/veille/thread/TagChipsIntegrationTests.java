package org.veille.thread;

import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import org.veille.support.IntegrationTest;
import org.veille.support.Posting;
import org.veille.support.TestPeople;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Each tag once per card (issue 15): the tags typed in the text stay links where they were typed, and the
 * chips under it are only the thread's other tags, folded when there are many.
 */
@IntegrationTest
class TagChipsIntegrationTests {

	@Autowired
	private MockMvc mvc;

	@Test
	void shouldShowTypedTagsOnlyInTheTextAndRepliesTagsAsChips() throws Exception {
		String u = TestPeople.uniqueName("chips");
		MockHttpSession session = TestPeople.signUp(this.mvc, u);
		String tag = "Typed_" + u;
		long thread = Posting.as(this.mvc, session, "Un fil étiqueté\n\n#" + tag + " #Santé_" + u + " #Eau_" + u);
		Posting.reply(this.mvc, session, thread, "J'ajoute #Ajout_" + u + " et #" + tag);

		Element card = card(page("/tag/" + tag.toLowerCase(Locale.ROOT), "en"), thread);

		assertThat(card.select(".message-body a.tag")).extracting(Element::text)
			.containsExactly("#" + tag, "#Santé_" + u, "#Eau_" + u);
		assertThat(card.select(".thread-tags a.tag-chip")).extracting(Element::text).containsExactly("#Ajout_" + u);
		assertThat(card.select("a[href=/tag/" + tag.toLowerCase(Locale.ROOT) + "]")).as("the typed tag, once").hasSize(1);
		assertThat(card.select(".thread-tags-label").text()).isEqualTo("Also filed under");
	}

	@Test
	void shouldShowNoChipRowWhenTheTextShowsEveryTag() throws Exception {
		String u = TestPeople.uniqueName("nochips");
		MockHttpSession session = TestPeople.signUp(this.mvc, u);
		long thread = Posting.as(this.mvc, session, "Tout est dans le texte #Un_" + u + " #Deux_" + u);

		Element card = card(page("/people/" + u, "en"), thread);

		assertThat(card.select(".message-body a.tag")).hasSize(2);
		assertThat(card.select(".thread-tags")).isEmpty();
	}

	@Test
	void shouldShowTheOtherLanguagesLabelOfAMultilingualTagAsAChip() throws Exception {
		String u = TestPeople.uniqueName("bilingue");
		MockHttpSession session = TestPeople.signUp(this.mvc, u);
		long thread = Posting.as(this.mvc, session, "Deux langues #[fr]Étiquette_" + u + "[en]Label_" + u);

		Element english = card(page("/people/" + u, "en"), thread);
		Element french = card(page("/people/" + u, "fr"), thread);

		assertThat(english.select(".message-body a.tag")).extracting(Element::text).containsExactly("#Label_" + u);
		assertThat(english.select(".thread-tags a.tag-chip")).extracting(Element::text)
			.containsExactly("#Étiquette_" + u);
		assertThat(french.select(".message-body a.tag")).extracting(Element::text).containsExactly("#Étiquette_" + u);
		assertThat(french.select(".thread-tags a.tag-chip")).extracting(Element::text).containsExactly("#Label_" + u);
		assertThat(french.select(".thread-tags-label").text()).isEqualTo("Aussi classé sous");
	}

	@Test
	void shouldShowOnlyTheFiveTagsOfFiftyThatTheTextDoesNotShow() throws Exception {
		String u = TestPeople.uniqueName("fifty");
		MockHttpSession session = TestPeople.signUp(this.mvc, u);
		List<String> typed = IntStream.range(0, 45).mapToObj((i) -> "#t" + i + "_" + u).toList();
		long thread = Posting.as(this.mvc, session, "Quarante-cinq étiquettes\n\n" + String.join(" ", typed));
		Posting.reply(this.mvc, session, thread,
				String.join(" ", IntStream.range(0, 5).mapToObj((i) -> "#r" + i + "_" + u).toList()));

		Element card = card(page("/messages/" + thread, "en"), thread);

		assertThat(card.select(".message-body a.tag")).hasSize(45);
		assertThat(card.select(".thread-tags a.tag-chip")).extracting(Element::text)
			.containsExactly("#r0_" + u, "#r1_" + u, "#r2_" + u, "#r3_" + u, "#r4_" + u);
		assertThat(card.select(".more-tags")).as("five chips do not fold").isEmpty();
	}

	@Test
	void shouldFoldALongChipRowBehindAndNMore() throws Exception {
		String u = TestPeople.uniqueName("fold");
		MockHttpSession session = TestPeople.signUp(this.mvc, u);
		long thread = Posting.as(this.mvc, session, "Un fil sans étiquette dans le texte");
		Posting.reply(this.mvc, session, thread,
				String.join(" ", IntStream.range(0, 20).mapToObj((i) -> "#r" + i + "_" + u).toList()));

		Element card = card(page("/all", "en"), thread);

		assertThat(card.select(".thread-tags > ul.tags a.tag-chip")).hasSize(8);
		assertThat(card.select(".thread-tags details.more-tags > summary").text()).isEqualTo("and 12 more");
		assertThat(card.select(".thread-tags details.more-tags a.tag-chip")).hasSize(12);
		assertThat(card(page("/all", "fr"), thread).select("details.more-tags > summary").text())
			.isEqualTo("et 12 autres");
	}

	private String page(String path, String language) throws Exception {
		return this.mvc.perform(get(path).header("Accept-Language", language))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private static Element card(String html, long id) {
		Element card = Jsoup.parse(html).getElementById("m" + id);
		assertThat(card).as("the card of %s", id).isNotNull();
		return card;
	}

}
