package org.veille.message;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import org.veille.support.IntegrationTest;
import org.veille.support.Posting;
import org.veille.support.TestPeople;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What the posting forms show while typing: the tags, mentions and links the server's parser finds,
 * and for each link the threads that already cite it.
 */
@IntegrationTest
class PreviewIntegrationTests {

	@Autowired
	private MockMvc mvc;

	@Test
	void shouldFindTagsMentionsAndLinksAndSayWhereALinkWasPosted() throws Exception {
		String known = TestPeople.uniqueName("known");
		MockHttpSession me = TestPeople.signUp(this.mvc, known);
		String url = "https://example.org/" + known;
		long thread = Posting.as(this.mvc, me, "Déjà vu\n" + url);
		Posting.reply(this.mvc, me, thread, "Encore " + url);

		this.mvc.perform(post("/post/preview").session(me).with(csrf())
			.param("text", "Titre\n" + url + "?utm_source=x https://example.org/neuf\n#Santé @" + known
					+ " @personne_inconnue `#pas_un_tag`"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.tags[0].display").value("Santé"))
			.andExpect(jsonPath("$.tags[0].path").value("/tag/sante"))
			.andExpect(jsonPath("$.tags", hasSize(1)))
			.andExpect(jsonPath("$.mentions[0].login").value(known))
			.andExpect(jsonPath("$.mentions[0].path").value("/people/" + known))
			.andExpect(jsonPath("$.mentions[1].login").value("personne_inconnue"))
			.andExpect(jsonPath("$.mentions[1].path").doesNotExist())
			.andExpect(jsonPath("$.links[0].url").value(url))
			.andExpect(jsonPath("$.links[0].postedIn", hasSize(1)))
			.andExpect(jsonPath("$.links[0].postedIn[0].title").value("Déjà vu"))
			.andExpect(jsonPath("$.links[0].postedIn[0].path").value("/messages/" + thread))
			.andExpect(jsonPath("$.links[1].url").value("https://example.org/neuf"))
			.andExpect(jsonPath("$.links[1].postedIn", hasSize(0)));
	}

	@Test
	void shouldAnswerATextOverTheLengthLimitWith413AndWhatToDoInTheReadersLanguage() throws Exception {
		MockHttpSession me = TestPeople.signUp(this.mvc, TestPeople.uniqueName("long"));
		String text = "http://-".repeat(2_500) + "#a";

		this.mvc.perform(post("/post/preview").session(me).with(csrf()).param("text", text))
			.andExpect(status().isPayloadTooLarge())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.problem")
				.value("Your message has 20,002 characters; the limit is 20,000. Shorten it and post again."))
			.andExpect(jsonPath("$.tags", hasSize(0)));
		this.mvc.perform(post("/post/preview").session(me).with(csrf()).header("Accept-Language", "fr")
			.param("text", text))
			.andExpect(status().isPayloadTooLarge())
			.andExpect(jsonPath("$.problem").value(startsWith("Votre message compte 20")));
	}

	@Test
	void shouldSayWhichOtherLimitTheTextGoesOverWithWhatItFound() throws Exception {
		MockHttpSession me = TestPeople.signUp(this.mvc, TestPeople.uniqueName("limits"));

		this.mvc.perform(post("/post/preview").session(me).with(csrf())
			.param("text", "Trop long #ok #[fr]court[en]" + "x".repeat(101)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.tags", hasSize(2)))
			.andExpect(jsonPath("$.problem").value(startsWith("The tag #xxxxxxxxxx")))
			.andExpect(jsonPath("$.problem").value(containsString("is longer than 100 characters")));
		this.mvc.perform(post("/post/preview").session(me).with(csrf()).param("text", "Rien à redire #ok"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.problem").value(nullValue()));
	}

	@Test
	void shouldNameAMultilingualTagInTheReadersLanguageAndLeadToItsPage() throws Exception {
		MockHttpSession me = TestPeople.signUp(this.mvc, TestPeople.uniqueName("langues"));
		String text = "Deux langues #[fr]Étiquette[en]Label";

		this.mvc.perform(post("/post/preview").session(me).with(csrf()).header("Accept-Language", "en")
			.param("text", text))
			.andExpect(jsonPath("$.tags[0].display").value("Label"))
			.andExpect(jsonPath("$.tags[0].path").value("/tag/label"));
		this.mvc.perform(post("/post/preview").session(me).with(csrf()).header("Accept-Language", "fr")
			.param("text", text))
			.andExpect(jsonPath("$.tags[0].display").value("Étiquette"))
			.andExpect(jsonPath("$.tags[0].path").value("/tag/etiquette"));
	}

	@Test
	void shouldRefuseAPreviewWithoutTheFormsToken() throws Exception {
		MockHttpSession me = TestPeople.signUp(this.mvc, TestPeople.uniqueName("tokenless"));

		this.mvc.perform(post("/post/preview").session(me).param("text", "#x")).andExpect(status().isForbidden());
	}

}
