package org.veille.message;

import java.io.StringReader;
import java.util.List;

import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.io.WireFeedInput;
import org.jdom2.Element;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import org.veille.support.IntegrationTest;
import org.veille.support.Posting;
import org.veille.support.TestPeople;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Threads (DESIGN §4, §5): flat replies, oldest first; the tags of replies become the thread's; the
 * address of a reply leads to its thread; the thread's feed of replies.
 */
@IntegrationTest
class ReplyIntegrationTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void shouldListRepliesOldestFirstUnderTheFirstMessage() throws Exception {
		MockHttpSession author = TestPeople.signUp(this.mvc, TestPeople.uniqueName("author"));
		MockHttpSession other = TestPeople.signUp(this.mvc, TestPeople.uniqueName("other"));
		long thread = Posting.as(this.mvc, author, "Une question\nQui a lu ce rapport ?");
		long first = Posting.reply(this.mvc, other, thread, "Moi, hier.");
		long second = Posting.reply(this.mvc, author, thread, "Et alors ?");
		long third = Posting.reply(this.mvc, other, first, "Passionnant (réponse à une réponse : même fil).");

		String page = Posting.page(this.mvc, null, "/messages/" + thread);

		assertThat(Posting.cardIds(page)).containsExactly(thread, first, second, third);
		assertThat(page).contains("3 replies");
	}

	@Test
	void shouldListTheThreadOnThePageOfATagOnlyAReplyCarries() throws Exception {
		MockHttpSession author = TestPeople.signUp(this.mvc, TestPeople.uniqueName("author"));
		MockHttpSession other = TestPeople.signUp(this.mvc, TestPeople.uniqueName("other"));
		String tag = TestPeople.uniqueName("reponse").toLowerCase();
		long thread = Posting.as(this.mvc, author, "Sans tag au départ\nhttps://example.org/sans-tag");

		Posting.reply(this.mvc, other, thread, "J’ajoute #" + tag);
		Posting.reply(this.mvc, author, thread, "Moi aussi #" + tag);

		String tagPage = Posting.page(this.mvc, null, "/tag/" + tag);
		assertThat(Posting.cardIds(tagPage)).containsExactly(thread);
		assertThat(tagPage).contains("one thread").contains("href=\"/tag/" + tag + "\"");
		assertThat(threadCount(tag)).isEqualTo(1);
		this.mvc.perform(get("/tag/" + tag + "/feed"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/messages/" + thread)));
	}

	@Test
	void shouldSendTheAddressOfAReplyToItsThreadAtTheReply() throws Exception {
		MockHttpSession author = TestPeople.signUp(this.mvc, TestPeople.uniqueName("author"));
		long thread = Posting.as(this.mvc, author, "Fil avec une réponse");
		long reply = Posting.reply(this.mvc, author, thread, "La réponse");

		this.mvc.perform(get("/messages/" + reply))
			.andExpect(status().isMovedPermanently())
			.andExpect(header().string("Location", "/messages/" + thread + "#m" + reply));
	}

	@Test
	void shouldAnswerAReplyToAnUnknownOrDeletedThreadWithTheNotFoundPage() throws Exception {
		String login = TestPeople.uniqueName("replier");
		MockHttpSession replier = TestPeople.signUp(this.mvc, login);
		MockHttpSession author = TestPeople.signUp(this.mvc, TestPeople.uniqueName("author"));
		long thread = Posting.as(this.mvc, author, "Bientôt supprimé");
		this.mvc.perform(post("/messages/" + thread + "/delete").session(author).with(csrf()))
			.andExpect(status().is3xxRedirection());

		for (long target : List.of(999_999_999_999L, thread)) {
			this.mvc.perform(post("/messages/" + target + "/replies").session(replier).with(csrf())
				.param("text", "Trop tard"))
				.andExpect(status().isNotFound())
				.andExpect(content().string(containsString("Not found")));
		}
		assertThat(messagesBy(login)).isZero();
	}

	@Test
	void shouldRefuseAReplyOverTheSizeLimitAndKeepTheText() throws Exception {
		String login = TestPeople.uniqueName("verbose");
		MockHttpSession replier = TestPeople.signUp(this.mvc, login);
		long thread = Posting.as(this.mvc, TestPeople.signUp(this.mvc, TestPeople.uniqueName("author")), "Court");
		String text = "Long\n" + "mot ".repeat(5_000);

		String page = this.mvc.perform(post("/messages/" + thread + "/replies").session(replier).with(csrf())
			.param("text", text))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();

		assertThat(page).contains("has 20,005 characters; the limit is 20,000").contains(text.strip());
		assertThat(Posting.cardIds(page)).containsExactly(thread);
		assertThat(messagesBy(login)).isZero();
	}

	@Test
	void shouldLinkMentionsOfKnownPeopleAndLeaveUnknownOnesAsText() throws Exception {
		String known = TestPeople.uniqueName("known");
		TestPeople.signUp(this.mvc, known);
		MockHttpSession author = TestPeople.signUp(this.mvc, TestPeople.uniqueName("author"));
		long thread = Posting.as(this.mvc, author, "Mentions");
		long reply = Posting.reply(this.mvc, author, thread, "Merci @" + known + " et @personne_inconnue_x");

		String page = Posting.page(this.mvc, null, "/messages/" + thread);

		assertThat(page).contains("<a class=\"mention\" href=\"/people/" + known + "\">@" + known + "</a>");
		assertThat(page).contains("et @personne_inconnue_x").doesNotContain("/people/personne_inconnue_x");
		assertThat(this.jdbc.sql("""
				select a.login from message_mentions mm join accounts a on a.id = mm.account_id where mm.message_id = ?
				""").param(reply).query(String.class).list()).containsExactly(known);
	}

	@Test
	void shouldPublishTheRepliesInTheThreadFeedEachAnsweringTheThread() throws Exception {
		MockHttpSession author = TestPeople.signUp(this.mvc, TestPeople.uniqueName("author"));
		long thread = Posting.as(this.mvc, author, "Un fil suivi\nhttps://example.org/suivi");
		long reply = Posting.reply(this.mvc, author, thread, "Une réponse #suivi https://example.org/reponse");
		String threadUuid = uuidOf(thread);

		MvcResult result = this.mvc.perform(get("/messages/" + thread + "/feed"))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", org.hamcrest.Matchers.startsWith("application/atom+xml")))
			.andReturn();
		Feed feed = (Feed) new WireFeedInput().build(new StringReader(result.getResponse().getContentAsString()));

		assertThat(feed.getTitle()).isEqualTo("Replies to “Un fil suivi” — Veille");
		assertThat(feed.getEntries()).singleElement().satisfies((Entry entry) -> {
			assertThat(entry.getId()).isEqualTo("urn:uuid:" + uuidOf(reply));
			assertThat(entry.getAlternateLinks().get(0).getHref()).endsWith("/messages/" + thread + "#m" + reply);
			assertThat(entry.getCategories()).extracting("term").containsExactly("suivi");
			assertThat(entry.getOtherLinks()).extracting("href").containsExactly("https://example.org/reponse");
			Element inReplyTo = entry.getForeignMarkup().get(0);
			assertThat(inReplyTo.getName()).isEqualTo("in-reply-to");
			assertThat(inReplyTo.getNamespaceURI()).isEqualTo("http://purl.org/syndication/thread/1.0");
			assertThat(inReplyTo.getAttributeValue("ref")).isEqualTo("urn:uuid:" + threadUuid);
			assertThat(inReplyTo.getAttributeValue("href")).endsWith("/messages/" + thread);
		});
		String etag = result.getResponse().getHeader("ETag");
		this.mvc.perform(get("/messages/" + thread + "/feed").header("If-None-Match", etag))
			.andExpect(status().isNotModified());
		Posting.reply(this.mvc, author, thread, "Une autre");
		this.mvc.perform(get("/messages/" + thread + "/feed").header("If-None-Match", etag))
			.andExpect(status().isOk());
		this.mvc.perform(get("/messages/" + thread))
			.andExpect(content().string(containsString("<link rel=\"alternate\" type=\"application/atom+xml\" title=\""
					+ "Replies to “Un fil suivi”\" href=\"/messages/" + thread + "/feed\">")));
	}

	private String uuidOf(long id) {
		return this.jdbc.sql("select uuid::text from messages where id = ?").param(id).query(String.class).single();
	}

	private int threadCount(String tag) {
		return this.jdbc.sql("select thread_count from tags where key = ?").param(tag).query(Integer.class).single();
	}

	private long messagesBy(String login) {
		return this.jdbc.sql("select count(*) from messages m join accounts a on a.id = m.author_id where a.login = ?")
			.param(login)
			.query(Long.class)
			.single();
	}

}
