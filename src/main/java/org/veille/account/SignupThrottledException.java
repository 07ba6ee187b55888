package org.veille.account;

import java.time.Duration;

/**
 * A sign-up refused because its address created as many accounts as it may this hour.
 */
class SignupThrottledException extends RuntimeException {

	private final Duration retryAfter;

	SignupThrottledException(Duration retryAfter) {
		super("Sign-up limit reached; retry after " + retryAfter);
		this.retryAfter = retryAfter;
	}

	Duration retryAfter() {
		return this.retryAfter;
	}

}
