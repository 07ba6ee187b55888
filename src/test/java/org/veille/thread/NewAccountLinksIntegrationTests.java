package org.veille.thread;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import org.veille.support.IntegrationTest;
import org.veille.support.Posting;
import org.veille.support.TestPeople;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
		// A write outside Veille reaches kept pages through PostgreSQL's NOTIFY, a moment later.
		String followed = link + " rel=\"ugc noopener noreferrer\">";
		await().atMost(Duration.ofSeconds(10))
			.until(() -> Posting.page(this.mvc, null, "/messages/" + thread).contains(followed));
		String onTheirPage = Posting.page(this.mvc, null, "/people/" + login);

		assertThat(young).contains(link + " rel=\"nofollow ugc noopener noreferrer\">");
		assertThat(onTheirPage).contains(followed);
	}

}
