package org.veille.operations;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Leaves out, before Spring Session reads it, a session cookie that cannot name a session: its value is the
 * Base64 of a UUID, anything else (a NUL byte that PostgreSQL refuses in a query, five kilobytes of text) is a
 * visitor without a session, never an error. It also marks the request's bounds for
 * {@link SeldomTouchedSessions}, which reads a session once per request.
 */
class SessionCookieFilter extends OncePerRequestFilter {

	private static final Pattern SESSION_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

	private final String cookieName;

	SessionCookieFilter(String cookieName) {
		this.cookieName = cookieName;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		SeldomTouchedSessions.requestStarted();
		try {
			chain.doFilter(withSoundCookies(request), response);
		}
		finally {
			SeldomTouchedSessions.requestEnded();
		}
	}

	private HttpServletRequest withSoundCookies(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies == null || Arrays.stream(cookies).allMatch(this::isSound)) {
			return request;
		}
		Cookie[] sound = Arrays.stream(cookies).filter(this::isSound).toArray(Cookie[]::new);
		return new HttpServletRequestWrapper(request) {

			@Override
			public Cookie @Nullable [] getCookies() {
				return (sound.length > 0) ? sound : null;
			}

		};
	}

	private boolean isSound(Cookie cookie) {
		return !this.cookieName.equals(cookie.getName()) || namesASession(cookie.getValue());
	}

	static boolean namesASession(@Nullable String value) {
		if (value == null || value.length() > 64) {
			return false;
		}
		try {
			return SESSION_ID.matcher(new String(Base64.getDecoder().decode(value), StandardCharsets.ISO_8859_1))
				.matches();
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

}
