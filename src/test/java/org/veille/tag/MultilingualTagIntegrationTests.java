package org.veille.tag;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import org.veille.markup.TagKeys;
import org.veille.support.IntegrationTest;
import org.veille.support.Posting;
import org.veille.support.TestPeople;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A multilingual tag files its message under the key of each of its languages (DESIGN §3, §8): the
 * tag of a real Seenthis message, refused before, is accepted, and each language's page lists it.
 */
@IntegrationTest
class MultilingualTagIntegrationTests {

	private static final String RGPD = "[fr]Règlement_Général_sur_la_Protection_des_Données_(RGPD)"
			+ "[en]General_Data_Protection_Regulation_(GDPR)[nl]General_Data_Protection_Regulation_(GDPR)";

	private static final String FRENCH_KEY = "reglement_general_sur_la_protection_des_donnees_(rgpd)";

	private static final String ENGLISH_KEY = "general_data_protection_regulation_(gdpr)";

	/** A letter outside the BMP, four bytes in UTF-8. */
	private static final String WIDE_LETTER = new String(Character.toChars(0x20000));

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void shouldListTheMessageOnThePageOfEachLanguagesKey() throws Exception {
		String u = TestPeople.uniqueName("rgpd");
		MockHttpSession session = TestPeople.signUp(this.mvc, u);
		long id = Posting.as(this.mvc, session, "Le RGPD, cinq ans après\nhttps://example.org/" + u + "\n\n#" + RGPD
				+ " #vie_privée #données #Europe #droit #CNIL #cookies #consentement #surveillance #numérique #loi #"
				+ u);

		assertThat(tagKeysOf(id)).startsWith(FRENCH_KEY, ENGLISH_KEY, "vie_privee").hasSize(13);
		for (String key : List.of(FRENCH_KEY, ENGLISH_KEY)) {
			assertThat(Posting.cardIds(Posting.page(this.mvc, null, "/tag/" + TagKeys.pathOf(key))))
				.as("the page of %s", key)
				.contains(id);
		}
		assertThat(messagePage(id, "fr")).contains("href=\"/tag/" + FRENCH_KEY
				+ "\" rel=\"tag\">#Règlement_Général_sur_la_Protection_des_Données_(RGPD)</a>");
		assertThat(messagePage(id, "en"))
			.contains("href=\"/tag/" + ENGLISH_KEY + "\" rel=\"tag\">#General_Data_Protection_Regulation_(GDPR)</a>");
	}

	@Test
	void shouldLeadTheKeyOfEveryLanguageTogetherToTheFirstLanguagesPage() throws Exception {
		String combined = "[en]" + ENGLISH_KEY + "[fr]" + FRENCH_KEY;

		this.mvc.perform(get(URI.create("/tag/" + TagKeys.pathOf(combined))))
			.andExpect(status().isMovedPermanently())
			.andExpect(header().string("Location", "/tag/" + ENGLISH_KEY));
	}

	@Test
	void shouldStoreEightLanguagesOfAHundredFourByteLettersEach() throws Exception {
		String u = TestPeople.uniqueName("wide");
		MockHttpSession session = TestPeople.signUp(this.mvc, u);
		StringBuilder tag = new StringBuilder();
		for (int i = 0; i < 8; i++) {
			tag.append("[").append((char) ('a' + i)).append("a]").append(u, 0, 1).append(i)
				.append(WIDE_LETTER.repeat(98));
		}

		long id = Posting.as(this.mvc, session, "Huit langues #" + tag);

		List<String> keys = tagKeysOf(id);
		assertThat(keys).hasSize(8).allSatisfy((key) -> assertThat(key.codePointCount(0, key.length())).isEqualTo(100));
		// Posting.page encodes the path itself.
		assertThat(Posting.cardIds(Posting.page(this.mvc, null, "/tag/" + keys.get(7)))).contains(id);
	}

	@Test
	void shouldRefuseANinthLanguageAndKeepTheText() throws Exception {
		String u = TestPeople.uniqueName("nine");
		MockHttpSession session = TestPeople.signUp(this.mvc, u);
		String text = "Neuf langues #[aa]a[bb]b[cc]c[dd]d[ee]e[ff]f[gg]g[hh]h[ii]i";

		String page = this.mvc.perform(post("/post").session(session).with(csrf()).param("text", text))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(page).contains("has 9 languages; the limit is 8.").contains(text);
		assertThat(this.jdbc.sql("select count(*) from messages m join accounts a on a.id = m.author_id where a.login = ?")
			.param(u)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void shouldTakeTheMessageOffTheLanguagesPageThatAnEditRemoves() throws Exception {
		String u = TestPeople.uniqueName("edit");
		MockHttpSession session = TestPeople.signUp(this.mvc, u);
		long id = Posting.as(this.mvc, session, "Deux langues #[fr]" + u + "_carte[en]" + u + "_map");

		Posting.edit(this.mvc, session, id, "Une langue #[fr]" + u + "_carte");

		assertThat(tagKeysOf(id)).containsExactly(u + "_carte");
		assertThat(Posting.cardIds(Posting.page(this.mvc, null, "/tag/" + u + "_carte"))).contains(id);
		assertThat(Posting.cardIds(Posting.page(this.mvc, null, "/tag/" + u + "_map"))).doesNotContain(id);
	}

	private String messagePage(long id, String language) throws Exception {
		return this.mvc.perform(get("/messages/" + id).header("Accept-Language", language))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private List<String> tagKeysOf(long messageId) {
		return this.jdbc.sql("""
				select t.key from message_tags mt join tags t on t.id = mt.tag_id
				where mt.message_id = ? order by mt.position
				""").param(messageId).query(String.class).list();
	}

}
