package org.veille.api;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import org.veille.database.DatabaseUnavailable;
import org.veille.message.MessageRejectedException;
import org.veille.message.UuidTakenException;
import org.veille.web.ForbiddenException;
import org.veille.web.NotFoundException;

/**
 * The API's refusals as status codes with a short plain-text explanation, never an HTML page or a
 * half-written XML body.
 */
@RestControllerAdvice(assignableTypes = ApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiErrorAdvice {

	private final MessageSource messageSource;

	ApiErrorAdvice(MessageSource messageSource) {
		this.messageSource = messageSource;
	}

	@ExceptionHandler(ApiException.class)
	ResponseEntity<String> refused(ApiException ex) {
		return text(ex.status(), String.valueOf(ex.getMessage()));
	}

	@ExceptionHandler(NotFoundException.class)
	ResponseEntity<String> notFound(NotFoundException ex) {
		return text(404, String.valueOf(ex.getMessage()) + ".");
	}

	@ExceptionHandler(ForbiddenException.class)
	ResponseEntity<String> forbidden(ForbiddenException ex) {
		return text(403, this.messageSource.getMessage(ex.reasonKey(), null, ex.reasonKey(), Locale.ENGLISH));
	}

	@ExceptionHandler(MessageRejectedException.class)
	ResponseEntity<String> rejected(MessageRejectedException ex) {
		return text(422, this.messageSource.getMessage(ex.messageKey(), ex.arguments(), ex.messageKey(), Locale.ENGLISH));
	}

	@ExceptionHandler({ UuidTakenException.class, DataIntegrityViolationException.class })
	ResponseEntity<String> conflict(RuntimeException ex) {
		return text(409, (ex instanceof UuidTakenException) ? String.valueOf(ex.getMessage())
				: "This message conflicts with one stored meanwhile; send it again.");
	}

	/** The database could not be reached: try again later; any other database failure is the server's 500. */
	@ExceptionHandler({ DataAccessException.class, TransactionException.class })
	ResponseEntity<String> unavailable(RuntimeException ex) {
		if (!DatabaseUnavailable.causedBy(ex)) {
			throw ex;
		}
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, "10")
			.contentType(new MediaType("text", "plain", java.nio.charset.StandardCharsets.UTF_8))
			.body("Veille cannot reach its database just now; nothing was changed. Try again in a moment.\n");
	}

	private static ResponseEntity<String> text(int status, String explanation) {
		return ResponseEntity.status(HttpStatus.valueOf(status))
			.contentType(new MediaType("text", "plain", java.nio.charset.StandardCharsets.UTF_8))
			.body(explanation + "\n");
	}

}
