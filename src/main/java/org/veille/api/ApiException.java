package org.veille.api;

/**
 * An API request refused: its HTTP status and a short explanation sent as plain text.
 */
class ApiException extends RuntimeException {

	private final int status;

	ApiException(int status, String explanation) {
		super(explanation);
		this.status = status;
	}

	int status() {
		return this.status;
	}

	static ApiException unprocessable(String explanation) {
		return new ApiException(422, explanation);
	}

}
