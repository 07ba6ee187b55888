package org.veille.support;

import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Sends a form of a page as a browser would: to its action, with the hidden fields the page wrote (its CSRF
 * token above all) and the values a test types. Unlike {@code with(csrf())}, a form the page wrote without its
 * token fails here as it fails in a browser.
 */
public final class Forms {

	private Forms() {
	}

	/**
	 * Opens {@code path} in this session (a new one for someone signed out) and submits the form matching
	 * {@code selector} with these values.
	 */
	public static MvcResult submit(MockMvc mvc, MockHttpSession session, String path, String selector,
			Map<String, String> values) throws Exception {
		String html = mvc.perform(get(path).session(session)).andReturn().getResponse().getContentAsString();
		Document page = Jsoup.parse(html, "http://localhost" + path);
		Element form = page.selectFirst(selector);
		assertThat(form).as("a form %s on %s", selector, path).isNotNull();
		String action = form.hasAttr("action") ? form.attr("action") : path;
		assertThat(form.attr("method")).as("the form's method").isEqualToIgnoringCase("post");
		MockHttpServletRequestBuilder request = post(action).session(session);
		for (Element hidden : form.select("input[type=hidden]")) {
			request = request.param(hidden.attr("name"), hidden.attr("value"));
		}
		for (Map.Entry<String, String> value : values.entrySet()) {
			request = request.param(value.getKey(), value.getValue());
		}
		return mvc.perform(request).andReturn();
	}

}
