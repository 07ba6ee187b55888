package org.veille.web;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

import org.veille.database.OutageLog;

/**
 * A request that needed the database while it could not be reached: the 503 page saying to try again
 * and, when a message was being sent (a form with {@code text}), that text in a form that sends it again
 * to the same address, so that nothing typed is lost. The log gets a line now and then, not a stack
 * trace per request. Any other database failure goes on to Spring Boot's error handling.
 */
@ControllerAdvice
class DatabaseUnavailableAdvice {

	/** Seconds a client is asked to wait before trying again. */
	static final String RETRY_AFTER_SECONDS = "10";

	/** The posting, reply and edit forms' other fields, sent again with the text. */
	private static final String[] KEPT_FIELDS = { "origin", "pageTitle", "pageUrl" };

	private final OutageLog outage = new OutageLog(LoggerFactory.getLogger(DatabaseUnavailableAdvice.class),
			"Pages answered 503");

	@ExceptionHandler({ DataAccessException.class, TransactionException.class })
	ModelAndView unavailable(RuntimeException ex, HttpServletRequest request, HttpServletResponse response) {
		if (!this.outage.unreachable(ex)) {
			throw ex;
		}
		response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
		ModelAndView page = new ModelAndView("error/503", HttpStatus.SERVICE_UNAVAILABLE);
		String text = request.getParameter("text");
		if ("POST".equals(request.getMethod()) && text != null) {
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
