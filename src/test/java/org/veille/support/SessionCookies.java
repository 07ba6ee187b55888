package org.veille.support;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.stream.Stream;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpSession;

import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.ConfigurableMockMvcBuilder;

/**
 * Lets MockMvc tests keep a person's session in a {@code MockHttpSession}, as they did before sessions moved
 * to PostgreSQL. Spring Session reads its session from the {@value #COOKIE} cookie, not from the servlet
 * container's session that {@code .session(...)} sets; so the mock session carries the cookie's value: each
 * request made with it sends the cookie, and each answer that sets the cookie updates it. The session itself
 * lives in PostgreSQL, as on the real server. When the cookie changes (a new session, a sign-in, a sign-out),
 * the mock session also gets a copy of the stored session's attributes, for the assertions that read them
 * there ({@code authenticated()}).
 */
public class SessionCookies implements MockMvcBuilderCustomizer {

	static final String COOKIE = "SESSION";

	/** Where the mock session keeps the cookie's value. */
	private static final String VALUE = SessionCookies.class.getName() + ".value";

	private final SessionRepository<? extends Session> sessions;

	SessionCookies(SessionRepository<? extends Session> sessions) {
		this.sessions = sessions;
	}

	@Override
	public void customize(ConfigurableMockMvcBuilder<?> builder) {
		builder.defaultRequest(MockMvcRequestBuilders.get("/").with(SessionCookies::sendCookie))
			.alwaysDo(this::keepCookie);
	}

	private static MockHttpServletRequest sendCookie(MockHttpServletRequest request) {
		HttpSession session = request.getSession(false);
		Object value = (session != null) ? session.getAttribute(VALUE) : null;
		Cookie[] cookies = (request.getCookies() != null) ? request.getCookies() : new Cookie[0];
		boolean sent = Arrays.stream(cookies).anyMatch((cookie) -> COOKIE.equals(cookie.getName()));
		if (value instanceof String cookieValue && !sent) {
			request.setCookies(Stream.concat(Arrays.stream(cookies), Stream.of(new Cookie(COOKIE, cookieValue)))
				.toArray(Cookie[]::new));
		}
		return request;
	}

	private void keepCookie(MvcResult result) {
		Cookie cookie = result.getResponse().getCookie(COOKIE);
		if (cookie == null) {
			return;
		}
		HttpSession mock = result.getRequest().getSession(true);
		for (String name : Collections.list(mock.getAttributeNames())) {
			mock.removeAttribute(name);
		}
		if (cookie.getMaxAge() == 0 || cookie.getValue().isEmpty()) {
			return;
		}
		mock.setAttribute(VALUE, cookie.getValue());
		String id = new String(Base64.getDecoder().decode(cookie.getValue()), StandardCharsets.UTF_8);
		Session stored = this.sessions.findById(id);
		if (stored != null) {
			stored.getAttributeNames().forEach((name) -> mock.setAttribute(name, stored.getAttribute(name)));
		}
	}

}
