package org.veille.thread;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import org.veille.support.IntegrationTest;
import org.veille.support.Posting;
import org.veille.support.TestPeople;

import static org.assertj.core.api.Assertions.assertThat;

/** Links in messages of accounts younger than veille.limits.new-account-age (7 days here) are not followed. */
@IntegrationTest
class NewAccountLinksIntegrationTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void shouldMarkLinksNofollowUntilTheAuthorsAccountIsOldEnough() throws Exception {
		String login = TestPeople.uniqueName("newcomer");
		MockHttpSession newcomer = TestPeople.signUp(this.mvc, login);
		long thread = Posting.as(this.mvc, newcomer, "My site https://newcomer.example.org/" + login);
		String link = "<a href=\"https://newcomer.example.org/" + login + "\"";

		String young = Posting.page(this.mvc, null, "/messages/" + thread);
		this.jdbc.sql("update accounts set created_at = now() - interval '8 days' where login = :login")
			.param("login", login)
			.update();
		String older = Posting.page(this.mvc, null, "/messages/" + thread);
		String onTheirPage = Posting.page(this.mvc, null, "/people/" + login);

		assertThat(young).contains(link + " rel=\"nofollow ugc noopener noreferrer\">");
		assertThat(older).contains(link + " rel=\"ugc noopener noreferrer\">");
		assertThat(onTheirPage).contains(link + " rel=\"ugc noopener noreferrer\">");
	}

}
