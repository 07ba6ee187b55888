package org.veille.support;

import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Follows, blocks and stars through the real buttons, for tests that need a social graph.
 */
public final class Social {

	private Social() {
	}

	public static void follow(MockMvc mvc, MockHttpSession session, String login) throws Exception {
		send(mvc, session, "/people/" + login + "/follow");
	}

	public static void block(MockMvc mvc, MockHttpSession session, String login) throws Exception {
		send(mvc, session, "/people/" + login + "/block");
	}

	public static void followTag(MockMvc mvc, MockHttpSession session, String tag) throws Exception {
		mvc.perform(post("/follows/tags").session(session).with(csrf()).param("tag", tag))
			.andExpect(status().is3xxRedirection());
	}

	public static void followSite(MockMvc mvc, MockHttpSession session, String site) throws Exception {
		mvc.perform(post("/follows/sites").session(session).with(csrf()).param("site", site))
			.andExpect(status().is3xxRedirection());
	}

	public static void star(MockMvc mvc, MockHttpSession session, long threadId) throws Exception {
		send(mvc, session, "/messages/" + threadId + "/star");
	}

	private static void send(MockMvc mvc, MockHttpSession session, String path) throws Exception {
		mvc.perform(post(path).session(session).with(csrf())).andExpect(status().is3xxRedirection());
	}

}
