package org.veille.support;

import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Posts messages through the real posting form, for tests that need content.
 */
public final class Posting {

	private Posting() {
	}

	/** Posts the text as the signed-in person of this session and returns the new message's id. */
	public static long as(MockMvc mvc, MockHttpSession session, String text) throws Exception {
		String location = mvc.perform(post("/post").session(session).with(csrf()).param("text", text))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(location).as("redirect after posting %s", text).startsWith("/messages/");
		return Long.parseLong(location.substring("/messages/".length()));
	}

}
