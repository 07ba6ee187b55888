package org.veille.database;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import org.veille.support.ConnectionsPerThread;
import org.veille.support.IntegrationTest;
import org.veille.support.Posting;
import org.veille.support.Social;
import org.veille.support.TestPeople;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * DESIGN §8: a request never holds two pooled connections at once. Each thread's borrowed connections
 * are counted ({@link ConnectionsPerThread}) while the writes people do most run one after another, so
 * that a second borrow shows here every time, not only when a burst happens to block the pool.
 */
@IntegrationTest
class ConnectionPerThreadIntegrationTests {

	@Autowired
	private MockMvc mvc;

	@BeforeEach
	void forgetEarlierThreads() {
		ConnectionsPerThread.reset();
	}

	@Test
	void shouldHoldOneConnectionAtATimeWhilePostingReplyingEditingAndDeleting() throws Exception {
		String authorLogin = TestPeople.uniqueName("oneconn");
		MockHttpSession author = TestPeople.signUp(this.mvc, authorLogin);
		MockHttpSession reader = TestPeople.signUp(this.mvc, TestPeople.uniqueName("oneconn"));

		long thread = Posting.as(this.mvc, author, "One connection\nhttps://one-connection.example.org/ #oneconn");
		long reply = Posting.reply(this.mvc, reader, thread, "A reply, also #oneconn");
		Posting.edit(this.mvc, author, thread, "One connection, edited\nhttps://one-connection.example.org/b");
		Social.star(this.mvc, reader, thread);
		Social.follow(this.mvc, reader, authorLogin);
		Social.followTag(this.mvc, reader, "oneconn");
		Posting.delete(this.mvc, author, reply);

		assertThat(ConnectionsPerThread.violations()).isEmpty();
	}

	@Test
	void shouldHoldOneConnectionAtATimeWhileSigningIn() throws Exception {
		String login = TestPeople.uniqueName("oneconn");
		TestPeople.signUp(this.mvc, login);

		this.mvc.perform(post("/login").with(csrf()).param("username", login).param("password", "wrong password"))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(post("/login").with(csrf()).param("username", login).param("password", TestPeople.PASSWORD))
			.andExpect(status().is3xxRedirection());

		assertThat(ConnectionsPerThread.violations()).isEmpty();
	}

}
