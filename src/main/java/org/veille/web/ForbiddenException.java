package org.veille.web;

/**
 * The signed-in person may not do this (edit someone else's message, reply to someone who blocks
 * them); answered with the 403 page, which says why.
 */
public class ForbiddenException extends RuntimeException {

	private final String reasonKey;

	/** @param reasonKey the key of the sentence that explains the refusal, in the message bundles */
	public ForbiddenException(String reasonKey) {
		super(reasonKey);
		this.reasonKey = reasonKey;
	}

	public String reasonKey() {
		return this.reasonKey;
	}

}
