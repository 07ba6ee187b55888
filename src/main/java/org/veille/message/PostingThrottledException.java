package org.veille.message;

import java.time.Duration;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * A post over one of the spam limits ({@code veille.limits.*}): shown on the form like any refused text, with
 * 429 and how long to wait; the API answers 429 with Retry-After.
 */
public class PostingThrottledException extends MessageRejectedException {

	private final Duration retryAfter;

	PostingThrottledException(String messageKey, int limit, Duration retryAfter) {
		super(messageKey, limit, Math.max(1, (retryAfter.toSeconds() + 59) / 60));
		this.retryAfter = retryAfter;
	}

	/** 429 with Retry-After, for a form shown again with the text kept. */
	static void answer(PostingThrottledException ex, HttpServletResponse response) {
		response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(ex.retryAfter().toSeconds()));
	}

	public Duration retryAfter() {
		return this.retryAfter;
	}

}
