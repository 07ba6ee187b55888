package org.veille.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

import org.veille.database.OutageLog;

/**
 * A request whose controller needed the database while it could not be reached: the {@link UnavailablePage}.
 * The log gets a line now and then, not a stack trace per request. Any other database failure goes on to
 * Spring Boot's error handling.
 */
@ControllerAdvice
class DatabaseUnavailableAdvice {

	private final OutageLog outage = new OutageLog(LoggerFactory.getLogger(DatabaseUnavailableAdvice.class),
			"Pages answered 503");

	@ExceptionHandler({ DataAccessException.class, TransactionException.class })
	ModelAndView unavailable(RuntimeException ex, HttpServletRequest request, HttpServletResponse response) {
		if (!this.outage.unreachable(ex)) {
			throw ex;
		}
		return UnavailablePage.answer(request, response);
	}

}
