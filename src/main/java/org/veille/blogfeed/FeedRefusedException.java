package org.veille.blogfeed;

/** A feed the person may not add: the message key says why, for the form. */
final class FeedRefusedException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final transient Object[] arguments;

	FeedRefusedException(String messageKey, Object... arguments) {
		super(messageKey);
		this.arguments = arguments.clone();
	}

	String messageKey() {
		return getMessage();
	}

	Object[] arguments() {
		return this.arguments.clone();
	}

}
