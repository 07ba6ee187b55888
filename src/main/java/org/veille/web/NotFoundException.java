package org.veille.web;

/**
 * Something a URL names does not exist; {@link ErrorPageAdvice} answers it with the 404 page.
 */
public class NotFoundException extends RuntimeException {

	private NotFoundException(String message) {
		super(message);
	}

	public static NotFoundException message(long id) {
		return new NotFoundException("No message " + id);
	}

	public static NotFoundException person(String login) {
		return new NotFoundException("No person " + login);
	}

	public static NotFoundException thumbnail(long id) {
		return new NotFoundException("No thumbnail " + id);
	}

	public static NotFoundException site(String host, String path) {
		return new NotFoundException("No site page " + host + path);
	}

	public static NotFoundException page(String path) {
		return new NotFoundException("No page " + path);
	}

	public static NotFoundException tag(String key) {
		return new NotFoundException("No tag " + key);
	}

}
