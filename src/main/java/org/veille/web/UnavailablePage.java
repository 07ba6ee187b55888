package org.veille.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.ModelAndView;

/**
 * The 503 page for a request that needed the database while it could not be reached: it says to try again
 * and, when a message was being sent (a form with {@code text}), gives that text back in a form that sends it
 * again to the same address, so that nothing typed is lost.
 */
final class UnavailablePage {

	/** Seconds a client is asked to wait before trying again. */
	static final String RETRY_AFTER_SECONDS = "10";

	static final String VIEW = "error/503";

	/**
	 * The posting, reply and edit forms' other fields, sent again with the text. The CSRF token the form came
	 * with is one of them: it cannot be read afresh while the session's database is away, and the one sent is
	 * still the session's, so the form passes the check again once the database is back.
	 */
	private static final String[] KEPT_FIELDS = { "_csrf", "origin", "pageTitle", "pageUrl" };

	private UnavailablePage() {
	}

	/** The page rendered from a servlet filter, outside Spring MVC. */
	static void render(FilterPages pages, HttpServletRequest request, HttpServletResponse response)
			throws ServletException, IOException {
		pages.render(VIEW, answer(request, response).getModel(), HttpServletResponse.SC_SERVICE_UNAVAILABLE, request,
				response);
	}

	static ModelAndView answer(HttpServletRequest request, HttpServletResponse response) {
		response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
		ModelAndView page = new ModelAndView(VIEW, HttpStatus.SERVICE_UNAVAILABLE);
		String text = "POST".equals(request.getMethod()) ? request.getParameter("text") : null;
		if (text != null) {
			Map<String, String> fields = new LinkedHashMap<>();
			for (String name : KEPT_FIELDS) {
				String value = request.getParameter(name);
				if (value != null) {
					fields.put(name, value);
				}
			}
			page.addObject("keptText", text)
				.addObject("keptFields", fields)
				.addObject("retryAddress", request.getRequestURI().substring(request.getContextPath().length()));
		}
		return page;
	}

}
