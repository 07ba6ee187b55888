package org.veille.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.LoggerFactory;

import org.springframework.core.annotation.Order;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import org.veille.database.OutageLog;

/**
 * The {@link UnavailablePage} for a database failure outside any controller, which
 * {@link DatabaseUnavailableAdvice} never sees: reading a signed-in person's session (sessions live in
 * PostgreSQL), saving a new one, the sign-in throttle's filter. Outside Spring Session's filter, so that it
 * sees its failures, the page is rendered here and not by an error dispatch: that would need the session
 * again. Without the session there is no CSRF token, so the page's retry form is refused once the database is
 * back; the browser's draft (kept by veille.js) still has the text.
 */
@Component
@Order(DatabaseUnavailableFilter.ORDER)
class DatabaseUnavailableFilter extends OncePerRequestFilter {

	/** Before Spring Session's filter and the one that reads its cookie just before it. */
	static final int ORDER = SessionRepositoryFilter.DEFAULT_ORDER - 10;

	private final OutageLog outage = new OutageLog(LoggerFactory.getLogger(DatabaseUnavailableFilter.class),
			"Requests answered 503 before reaching a page");

	private final FilterPages pages;

	DatabaseUnavailableFilter(FilterPages pages) {
		this.pages = pages;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (ServletException | IOException | RuntimeException ex) {
			if (response.isCommitted() || !this.outage.unreachable(ex)) {
				throw ex;
			}
			UnavailablePage.render(this.pages, request, response);
		}
	}

}
