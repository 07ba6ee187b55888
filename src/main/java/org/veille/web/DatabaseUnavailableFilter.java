package org.veille.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.LoggerFactory;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import org.veille.database.OutageLog;

/**
 * The 503 for a database failure outside any controller (in a filter, such as the sign-in throttle's,
 * which {@link DatabaseUnavailableAdvice} never sees): Spring Boot's error page for 503 instead of a 500
 * and a stack trace in the log. Outside Spring Security's filters, so that it sees theirs.
 */
@Component
@Order(DatabaseUnavailableFilter.ORDER)
class DatabaseUnavailableFilter extends OncePerRequestFilter {

	/** Before Spring Security's filters (-100) and the page concurrency limit (-101). */
	static final int ORDER = -200;

	private final OutageLog outage = new OutageLog(LoggerFactory.getLogger(DatabaseUnavailableFilter.class),
			"Requests answered 503 before reaching a page");

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
			response.setHeader(HttpHeaders.RETRY_AFTER, DatabaseUnavailableAdvice.RETRY_AFTER_SECONDS);
			response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
		}
	}

}
