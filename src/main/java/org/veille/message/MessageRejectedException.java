package org.veille.message;

/**
 * A message that breaks one of the limits of {@link MessageLimits}; carries the message key and its arguments.
 */
public class MessageRejectedException extends RuntimeException {

	private final String messageKey;

	private final Object[] arguments;

	MessageRejectedException(String messageKey, Object... arguments) {
		super(messageKey);
		this.messageKey = messageKey;
		this.arguments = arguments.clone();
	}

	public String messageKey() {
		return this.messageKey;
	}

	public Object[] arguments() {
		return this.arguments.clone();
	}

}
