package org.veille.transfer;

/** An import this person may not start, whatever the file: the message key says why. */
class ImportRefusedException extends Exception {

	private final String messageKey;

	ImportRefusedException(String messageKey) {
		super(messageKey);
		this.messageKey = messageKey;
	}

	String messageKey() {
		return this.messageKey;
	}

}
