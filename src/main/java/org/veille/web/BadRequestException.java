package org.veille.web;

/**
 * A request parameter that cannot be understood, such as a garbled cursor; answered with the 400 page.
 */
public class BadRequestException extends RuntimeException {

	public BadRequestException(String message) {
		super(message);
	}

}
