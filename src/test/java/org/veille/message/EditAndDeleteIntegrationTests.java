package org.veille.message;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import org.veille.support.IntegrationTest;
import org.veille.support.Posting;
import org.veille.support.Social;
import org.veille.support.TestPeople;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Editing and deleting (DESIGN §1, §8): everything derived follows the text; only the allowed
 * people may; a deleted thread is gone from every page; the same text posted twice is one message.
 */
@IntegrationTest
class EditAndDeleteIntegrationTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void shouldDeriveTagsLinksAndMentionsAgainFromAnEditedText() throws Exception {
		String mentioned = TestPeople.uniqueName("cited");
		TestPeople.signUp(this.mvc, mentioned);
		MockHttpSession author = TestPeople.signUp(this.mvc, TestPeople.uniqueName("editor"));
		String a = TestPeople.uniqueName("ta").toLowerCase();
		String b = TestPeople.uniqueName("tb").toLowerCase();
		String c = TestPeople.uniqueName("tc").toLowerCase();
		String d = TestPeople.uniqueName("td").toLowerCase();
		long thread = Posting.as(this.mvc, author,
				"Avant\nhttps://example.org/avant #" + a + " #" + b.toUpperCase() + " merci @" + mentioned);
		Posting.reply(this.mvc, author, thread, "Réponse #" + c);

		this.mvc.perform(post("/messages/" + thread + "/edit").session(author).with(csrf())
			.param("text", "Après\nhttps://example.org/apres #" + b + " #" + d))
			.andExpect(redirectedUrl("/messages/" + thread));

		assertThat(this.jdbc.sql("select title from messages where id = ?").param(thread).query(String.class).single())
			.isEqualTo("Après");
		assertThat(strings("""
				select t.key from message_tags mt join tags t on t.id = mt.tag_id where mt.message_id = ? order by mt.position
				""", thread)).containsExactly(b, d);
		assertThat(strings("select t.key from thread_tags tt join tags t on t.id = tt.tag_id where tt.thread_id = ?"
				+ " order by t.key", thread)).containsExactlyInAnyOrder(b, c, d);
		assertThat(threadCount(a)).isZero();
		assertThat(threadCount(b)).isEqualTo(1);
		assertThat(threadCount(d)).isEqualTo(1);
		assertThat(strings("select s.display from tag_spellings s join tags t on t.id = s.tag_id where t.key = ?", b))
			.as("the upper-case spelling went with the old text").containsExactly(b);
		assertThat(strings("select display from tags where key = ?", b)).containsExactly(b);
		assertThat(strings("""
				select l.url from message_links ml join links l on l.id = ml.link_id where ml.message_id = ?
				""", thread)).containsExactly("https://example.org/apres");
		assertThat(strings("select account_id::text from message_mentions where message_id = ?", thread)).isEmpty();
		assertThat(Posting.cardIds(Posting.page(this.mvc, null, "/tag/" + a))).isEmpty();
		assertThat(Posting.cardIds(Posting.page(this.mvc, null, "/tag/" + d))).containsExactly(thread);
	}

	@Test
	void shouldAnswerEditingOrDeletingSomeoneElsesMessageWithTheForbiddenPage() throws Exception {
		MockHttpSession author = TestPeople.signUp(this.mvc, TestPeople.uniqueName("owner"));
		MockHttpSession stranger = TestPeople.signUp(this.mvc, TestPeople.uniqueName("stranger"));
		MockHttpSession replier = TestPeople.signUp(this.mvc, TestPeople.uniqueName("replier"));
		long thread = Posting.as(this.mvc, author, "À moi #propriete");
		long reply = Posting.reply(this.mvc, replier, thread, "Ma réponse");

		this.mvc.perform(get("/messages/" + thread + "/edit").session(stranger))
			.andExpect(status().isForbidden())
			.andExpect(content().string(containsString("Only the author of a message can edit it.")))
			.andExpect(content().string(containsString("class=\"brand\"")));
		this.mvc.perform(post("/messages/" + thread + "/edit").session(stranger).with(csrf()).param("text", "Volé"))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/messages/" + reply + "/edit").session(author).with(csrf()).param("text", "Volé"))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/messages/" + thread + "/delete").session(stranger).with(csrf()))
			.andExpect(status().isForbidden())
			.andExpect(content().string(containsString("Only the author of a thread can delete it.")));
		this.mvc.perform(post("/messages/" + thread + "/delete").session(replier).with(csrf()))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/messages/" + reply + "/delete").session(stranger).with(csrf()))
			.andExpect(status().isForbidden())
			.andExpect(content().string(containsString("Only the author of a reply, or the author of its thread")));

		assertThat(strings("select body from messages where id in (?, ?) and deleted_at is null order by id", thread,
				reply)).containsExactly("À moi #propriete", "Ma réponse");
	}

	@Test
	void shouldLetTheAuthorOfTheThreadDeleteAReply() throws Exception {
		MockHttpSession author = TestPeople.signUp(this.mvc, TestPeople.uniqueName("starter"));
		MockHttpSession replier = TestPeople.signUp(this.mvc, TestPeople.uniqueName("replier"));
		String tag = TestPeople.uniqueName("efface").toLowerCase();
		long thread = Posting.as(this.mvc, author, "Mon fil");
		long reply = Posting.reply(this.mvc, replier, thread, "Hors sujet #" + tag);
		long kept = Posting.reply(this.mvc, replier, thread, "Pertinent");

		this.mvc.perform(post("/messages/" + reply + "/delete").session(author).with(csrf()))
			.andExpect(redirectedUrl("/messages/" + thread));

		assertThat(Posting.cardIds(Posting.page(this.mvc, null, "/messages/" + thread))).containsExactly(thread, kept);
		assertThat(threadCount(tag)).isZero();
		assertThat(Posting.cardIds(Posting.page(this.mvc, null, "/tag/" + tag))).isEmpty();
		assertThat(this.jdbc.sql("select reply_count from messages where id = ?").param(thread).query(Integer.class)
			.single()).isEqualTo(1);
		this.mvc.perform(get("/messages/" + reply)).andExpect(status().isNotFound());
		this.mvc.perform(post("/messages/" + kept + "/delete").session(replier).with(csrf()))
			.andExpect(redirectedUrl("/messages/" + thread));
	}

	@Test
	void shouldHideADeletedThreadEverywhere() throws Exception {
		String login = TestPeople.uniqueName("deleter");
		MockHttpSession author = TestPeople.signUp(this.mvc, login);
		MockHttpSession reader = TestPeople.signUp(this.mvc, TestPeople.uniqueName("reader"));
		String tag = TestPeople.uniqueName("disparu").toLowerCase();
		long thread = Posting.as(this.mvc, author, "Bientôt parti #" + tag);
		Posting.reply(this.mvc, reader, thread, "Une réponse #" + tag + "_reponse");
		Social.follow(this.mvc, reader, login);
		Social.star(this.mvc, reader, thread);
		assertThat(Posting.cardIds(Posting.page(this.mvc, reader, "/"))).contains(thread);

		this.mvc.perform(post("/messages/" + thread + "/delete").session(author).with(csrf()))
			.andExpect(redirectedUrl("/people/" + login));

		this.mvc.perform(get("/messages/" + thread)).andExpect(status().isNotFound());
		this.mvc.perform(get("/messages/" + thread + "/feed")).andExpect(status().isNotFound());
		for (String path : List.of("/tag/" + tag, "/tag/" + tag + "_reponse", "/all", "/people/" + login, "/",
				"/alerts")) {
			assertThat(Posting.cardIds(Posting.page(this.mvc, reader, path))).as(path).doesNotContain(thread);
		}
		assertThat(Posting.page(this.mvc, reader, "/people/" + this.jdbc.sql(
				"select a.login from accounts a join stars s on s.account_id = a.id where s.thread_id = ?")
			.param(thread).query(String.class).single())).doesNotContain("id=\"m" + thread + "\"");
		assertThat(threadCount(tag)).isZero();
		assertThat(threadCount(tag + "_reponse")).isZero();
		assertThat(this.jdbc.sql("select body from messages where id = ?").param(thread).query(String.class).single())
			.as("the text is kept: the deletion is soft").isEqualTo("Bientôt parti #" + tag);
	}

	@Test
	void shouldUpdateTheFirstMessageWhenTheSameTextIsPostedAgainWithinSevenDays() throws Exception {
		String login = TestPeople.uniqueName("twice");
		MockHttpSession author = TestPeople.signUp(this.mvc, login);
		long first = Posting.as(this.mvc, author, "Deux fois la même chose #" + login);
		long again = Posting.as(this.mvc, author, "Deux fois la même chose #" + login + "\n\n");
		long reply = Posting.reply(this.mvc, author, first, "Même réponse");
		long replyAgain = Posting.reply(this.mvc, author, first, "  Même réponse");

		assertThat(again).isEqualTo(first);
		assertThat(replyAgain).isEqualTo(reply);
		assertThat(messagesBy(login)).isEqualTo(2);
		assertThat(strings("select body from messages where id = ?", reply)).containsExactly("  Même réponse");
		assertThat(threadCount(login.toLowerCase())).isEqualTo(1);
		long elsewhere = Posting.as(this.mvc, author, "Autre fil");
		assertThat(Posting.reply(this.mvc, author, elsewhere, "Même réponse"))
			.as("under another parent, the same text is a new message").isNotEqualTo(reply);
	}

	@Test
	void shouldPostTheSameTextAgainWhenTheFirstIsOlderThanSevenDays() throws Exception {
		String login = TestPeople.uniqueName("weekly");
		MockHttpSession author = TestPeople.signUp(this.mvc, login);
		long first = Posting.as(this.mvc, author, "Chaque semaine");
		this.jdbc.sql("update messages set created_at = created_at - interval '7 days 1 minute' where id = ?")
			.param(first)
			.update();

		long second = Posting.as(this.mvc, author, "Chaque semaine");

		assertThat(second).isNotEqualTo(first);
		assertThat(messagesBy(login)).isEqualTo(2);
	}

	@Test
	void shouldStoreADoubleSubmitOnce() throws Exception {
		String login = TestPeople.uniqueName("double");
		MockHttpSession author = TestPeople.signUp(this.mvc, login);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			Callable<Long> submit = () -> Posting.as(this.mvc, author, "Clic, clic #" + login);
			List<Future<Long>> results = pool.invokeAll(List.of(submit, submit));

			assertThat(results.get(0).get()).isEqualTo(results.get(1).get());
		}
		finally {
			pool.shutdown();
		}
		assertThat(messagesBy(login)).isEqualTo(1);
		assertThat(threadCount(login.toLowerCase())).isEqualTo(1);
	}

	private List<String> strings(String sql, Object... parameters) {
		JdbcClient.StatementSpec statement = this.jdbc.sql(sql);
		for (Object parameter : parameters) {
			statement = statement.param(parameter);
		}
		return statement.query(String.class).list();
	}

	private int threadCount(String tag) {
		return this.jdbc.sql("select thread_count from tags where key = ?").param(tag).query(Integer.class).single();
	}

	private long messagesBy(String login) {
		return this.jdbc.sql("""
				select count(*) from messages m join accounts a on a.id = m.author_id
				where a.login = ? and m.deleted_at is null
				""").param(login).query(Long.class).single();
	}

}
