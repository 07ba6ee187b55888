package org.veille.account;

import org.springframework.http.HttpStatus;

/** A sign-up the site's mode refuses: closed (403), an invitation needed (403), or one used up or expired (410). */
class SignupRefusedException extends RuntimeException {

	private final HttpStatus status;

	private final String messageKey;

	private SignupRefusedException(HttpStatus status, String messageKey) {
		super(messageKey);
		this.status = status;
		this.messageKey = messageKey;
	}

	static SignupRefusedException closed() {
		return new SignupRefusedException(HttpStatus.FORBIDDEN, "signup.closed");
	}

	static SignupRefusedException invitationNeeded() {
		return new SignupRefusedException(HttpStatus.FORBIDDEN, "signup.invitation-needed");
	}

	static SignupRefusedException invitationSpent() {
		return new SignupRefusedException(HttpStatus.GONE, "signup.invitation-spent");
	}

	HttpStatus status() {
		return this.status;
	}

	String messageKey() {
		return this.messageKey;
	}

}
