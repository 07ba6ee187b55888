package org.veille.account;

/**
 * A sign-up that breaks a rule only the database can check; carries the form field and message key.
 */
class SignupRejectedException extends RuntimeException {

	private final String field;

	private final String messageKey;

	private SignupRejectedException(String field, String messageKey) {
		super(field + ": " + messageKey);
		this.field = field;
		this.messageKey = messageKey;
	}

	static SignupRejectedException loginTaken() {
		return new SignupRejectedException("login", "signup.login.taken");
	}

	static SignupRejectedException emailTaken() {
		return new SignupRejectedException("email", "signup.email.taken");
	}

	static SignupRejectedException passwordTooLong() {
		return new SignupRejectedException("password", "signup.password.size");
	}

	String field() {
		return this.field;
	}

	String messageKey() {
		return this.messageKey;
	}

}
