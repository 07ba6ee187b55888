package org.veille.operations;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads a request's session from PostgreSQL before anything else asks for it. When the database cannot be
 * reached, the failure then leaves the request before a word of the answer is written, and becomes the 503
 * page ({@code web.DatabaseUnavailableFilter}); read later, by Spring Security, the same failure ended in a
 * redirect or an error dispatch that needed the session again, and the visitor got the container's bare page.
 * Requests without a session cookie have no session to read, and static files do not need one.
 */
class SessionReadFirst extends OncePerRequestFilter {

	private static final List<String> STATIC_FILES = List.of("/css/", "/js/", "/favicon.svg");

	private final String cookieName;

	SessionReadFirst(String cookieName) {
		this.cookieName = cookieName;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		Cookie[] cookies = request.getCookies();
		return cookies == null || Arrays.stream(cookies).noneMatch((cookie) -> this.cookieName.equals(cookie.getName()))
				|| STATIC_FILES.stream().anyMatch(path::startsWith);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		request.getSession(false);
		chain.doFilter(request, response);
	}

}
