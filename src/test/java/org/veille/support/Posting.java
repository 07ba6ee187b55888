package org.veille.support;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Posts messages through the real forms, and reads what pages show, for tests that need content.
 */
public final class Posting {

	private static final Pattern REPLY_LOCATION = Pattern.compile("/messages/(\\d+)#m(\\d+)");

	private static final Pattern CARD_ID = Pattern.compile("<article class=\"card[^\"]*\" id=\"m(\\d+)\"");

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

	/** Replies in the thread of this message as the signed-in person and returns the reply's id. */
	public static long reply(MockMvc mvc, MockHttpSession session, long messageId, String text) throws Exception {
		String location = mvc
			.perform(post("/messages/" + messageId + "/replies").session(session).with(csrf()).param("text", text))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(location).as("redirect after replying %s", text).isNotNull();
		Matcher matcher = REPLY_LOCATION.matcher(location);
		assertThat(matcher.matches()).as("reply redirect %s", location).isTrue();
		return Long.parseLong(matcher.group(2));
	}

	/** Edits a message as the signed-in person of this session, who must be its author. */
	public static void edit(MockMvc mvc, MockHttpSession session, long messageId, String text) throws Exception {
		String location = mvc
			.perform(post("/messages/" + messageId + "/edit").session(session).with(csrf()).param("text", text))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(location).as("redirect after editing %s", messageId).startsWith("/messages/");
	}

	/** Deletes a message as the signed-in person of this session, who must be allowed to. */
	public static void delete(MockMvc mvc, MockHttpSession session, long messageId) throws Exception {
		int status = mvc.perform(post("/messages/" + messageId + "/delete").session(session).with(csrf()))
			.andReturn()
			.getResponse()
			.getStatus();
		assertThat(status).as("status after deleting %s", messageId).isEqualTo(302);
	}

	/** The page at this path as the person of this session (null: signed out), which must answer 200. */
	public static String page(MockMvc mvc, MockHttpSession session, String path) throws Exception {
		return render(mvc, session, get(path));
	}

	/** The same, rendered now rather than served from the page cache. */
	public static String fresh(MockMvc mvc, MockHttpSession session, String path) throws Exception {
		return render(mvc, session, get(path).header("Cache-Control", "no-cache"));
	}

	private static String render(MockMvc mvc, MockHttpSession session, MockHttpServletRequestBuilder request)
			throws Exception {
		if (session != null) {
			request = request.session(session);
		}
		return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	/** The ids of the message cards on a page, in page order. */
	public static List<Long> cardIds(String html) {
		List<Long> ids = new ArrayList<>();
		Matcher matcher = CARD_ID.matcher(html);
		while (matcher.find()) {
			ids.add(Long.parseLong(matcher.group(1)));
		}
		return ids;
	}

}
