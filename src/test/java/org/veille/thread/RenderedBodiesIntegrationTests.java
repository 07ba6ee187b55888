package org.veille.thread;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import org.veille.support.IntegrationTest;
import org.veille.support.Posting;
import org.veille.support.TestPeople;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Texts are rendered once and kept (issue 16): every page that shows a text shows it as it is now, after an
 * edit, and links a mention once the person mentioned has signed up. Pages are asked afresh (no-cache), so that
 * what is checked is the kept rendering, not the page cache.
 */
@IntegrationTest
class RenderedBodiesIntegrationTests {

	@Autowired
	private MockMvc mvc;

	@Test
	void shouldShowTheEditedTextOnEveryPageThatShowedTheOldOne() throws Exception {
		MockHttpSession author = TestPeople.signUp(this.mvc, TestPeople.uniqueName("renders"));
		String tag = TestPeople.uniqueName("rendered").toLowerCase();
		long thread = Posting.as(this.mvc, author, "Le *premier* jet #" + tag);
		long reply = Posting.reply(this.mvc, author, thread, "Une _réponse_ d'abord");
		String[] paths = { "/tag/" + tag, "/messages/" + thread, "/all" };
		for (String path : paths) {
			assertThat(fresh(path, author)).contains("<strong>premier</strong>");
		}
		assertThat(fresh("/messages/" + thread, null)).contains("<em>réponse</em>");

		Posting.edit(this.mvc, author, thread, "Le *second* jet #" + tag);
		Posting.edit(this.mvc, author, reply, "Une _réponse_ revue");

		for (String path : paths) {
			assertThat(fresh(path, author)).as(path).contains("<strong>second</strong>").doesNotContain("premier");
			assertThat(fresh(path, null)).as(path).contains("<strong>second</strong>").doesNotContain("premier");
		}
		assertThat(fresh("/messages/" + thread, null)).contains("revue").doesNotContain("d&#39;abord");
	}

	@Test
	void shouldLinkAMentionOnceThePersonMentionedSignsUp() throws Exception {
		MockHttpSession author = TestPeople.signUp(this.mvc, TestPeople.uniqueName("mentions"));
		String later = TestPeople.uniqueName("later");
		long thread = Posting.as(this.mvc, author, "Bienvenue à @" + later + " bientôt");
		assertThat(fresh("/messages/" + thread, null)).doesNotContain("href=\"/people/" + later + "\"");

		TestPeople.signUp(this.mvc, later);

		assertThat(fresh("/messages/" + thread, null)).contains("href=\"/people/" + later + "\"");
	}

	private String fresh(String path, MockHttpSession session) throws Exception {
		return Posting.fresh(this.mvc, session, path);
	}

}
