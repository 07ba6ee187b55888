package org.veille.web;

/**
 * The signed-in person may not do this (refetch someone else's links, say); answered with the 403 page.
 */
public class ForbiddenException extends RuntimeException {

	public ForbiddenException(String message) {
		super(message);
	}

}
