package org.veille.admin;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import org.veille.support.Admins;
import org.veille.support.IntegrationTest;
import org.veille.support.Posting;
import org.veille.support.Social;
import org.veille.support.TestPeople;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

@IntegrationTest
class AccountDeletionIntegrationTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void shouldDeleteAnAccountAndItsContentOnlyOnceItsLoginIsTyped() throws Exception {
		String login = TestPeople.uniqueName("leaving");
		String tag = "t" + login.replace("_", "");
		MockHttpSession leaving = TestPeople.signUp(this.mvc, login);
		MockHttpSession neighbour = TestPeople.signUp(this.mvc, TestPeople.uniqueName("neighbour"));
		long theirs = Posting.as(this.mvc, leaving, "Going soon #" + tag);
		Posting.reply(this.mvc, neighbour, theirs, "A reply that goes with the thread");
		long other = Posting.as(this.mvc, neighbour, "A thread that stays");
		Posting.reply(this.mvc, leaving, other, "A reply that goes");
		Social.star(this.mvc, leaving, other);
		MockHttpSession admin = Admins.signIn(this.mvc, this.jdbc);

		MvcResult wrong = delete(admin, login, login + "x");
		MvcResult missing = delete(admin, login, null);

		assertThat(wrong.getResponse().getStatus()).isEqualTo(400);
		assertThat(wrong.getResponse().getContentAsString()).contains("Nothing was deleted: type the login " + login);
		assertThat(missing.getResponse().getStatus()).isEqualTo(400);
		assertThat(accounts(login)).isEqualTo(1);

		MvcResult deleted = delete(admin, login, "@" + login.toUpperCase());

		assertThat(deleted.getFlashMap().get("notice")).isEqualTo("admin.people.deleted");
		assertThat(accounts(login)).isZero();
		assertThat(this.jdbc.sql("select count(*) from messages where id = :id").param("id", theirs)
			.query(Long.class)
			.single()).isZero();
		assertThat(this.mvc.perform(get("/messages/" + theirs)).andReturn().getResponse().getStatus()).isEqualTo(404);
		assertThat(this.mvc.perform(get("/people/" + login)).andReturn().getResponse().getStatus()).isEqualTo(404);
		assertThat(Posting.page(this.mvc, null, "/messages/" + other)).contains("A thread that stays")
			.doesNotContain("A reply that goes");
		assertThat(this.jdbc.sql("select reply_count || '/' || star_count from messages where id = :id")
			.param("id", other)
			.query(String.class)
			.single()).isEqualTo("0/0");
		assertThat(this.mvc.perform(get("/settings").session(leaving)).andReturn().getResponse().getStatus())
			.isEqualTo(302);
		assertThat(Posting.page(this.mvc, admin, "/admin/log")).contains("deleted the account", "@" + login);
	}

	private MvcResult delete(MockHttpSession admin, String login, String typed) throws Exception {
		var request = post("/admin/people/" + login + "/delete").session(admin).with(csrf());
		if (typed != null) {
			request = request.param("confirm", typed);
		}
		return this.mvc.perform(request).andReturn();
	}

	private long accounts(String login) {
		return this.jdbc.sql("select count(*) from accounts where login = :login").param("login", login)
			.query(Long.class)
			.single();
	}

}
