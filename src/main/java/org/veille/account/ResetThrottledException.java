package org.veille.account;

import java.time.Duration;

/**
 * A password-reset request refused because its address asked for as many as it may this hour.
 */
class ResetThrottledException extends RuntimeException {

	private final Duration retryAfter;

	ResetThrottledException(Duration retryAfter) {
		super("Reset limit reached; retry after " + retryAfter);
		this.retryAfter = retryAfter;
	}

	Duration retryAfter() {
		return this.retryAfter;
	}

}
