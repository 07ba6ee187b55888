package org.veille.account;

import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * A sign-up that breaks a rule the form alone cannot check; carries the form field, the message key and
 * its arguments.
 */
class SignupRejectedException extends RuntimeException {

	private final String field;

	private final String messageKey;

	private final Object[] arguments;

	private SignupRejectedException(String field, String messageKey, Object... arguments) {
		super(field + ": " + messageKey);
		this.field = field;
		this.messageKey = messageKey;
		this.arguments = arguments;
	}

	static SignupRejectedException loginTaken() {
		return new SignupRejectedException("login", "signup.login.taken");
	}

	static SignupRejectedException wrongPassword() {
		return new SignupRejectedException("current", "password.current.wrong");
	}

	static SignupRejectedException passwordMissing() {
		return new SignupRejectedException("password", "signup.password.required");
	}

	static SignupRejectedException passwordTooLong() {
		return new SignupRejectedException("password", "signup.password.size");
	}

	static SignupRejectedException passwordHoldsLogin() {
		return new SignupRejectedException("password", "signup.password.contains-login");
	}

	static SignupRejectedException passwordHoldsEmail() {
		return new SignupRejectedException("password", "signup.password.contains-email");
	}

	/** @param reasonKey the message saying why, shown inside the main one */
	static SignupRejectedException passwordGuessable(String reasonKey) {
		return new SignupRejectedException("password", "signup.password.guessable",
				new DefaultMessageSourceResolvable(reasonKey));
	}

	String field() {
		return this.field;
	}

	String messageKey() {
		return this.messageKey;
	}

	Object[] arguments() {
		return this.arguments.clone();
	}

}
