package org.veille.outbound;

import java.io.IOException;

/** A request the client would not send, or a redirect it would not follow: nothing went out for it. */
public final class RefusedRequestException extends IOException {

	private static final long serialVersionUID = 1L;

	/** Why the request was refused. */
	public enum Reason {

		/** A port the policy does not allow (a refused address is a {@link BlockedAddressException}). */
		BLOCKED_PORT,
		/** Not an absolute http(s) URL, or a redirect to one that is not. */
		BAD_URL,
		/** More redirects than the caller allows. */
		TOO_MANY_REDIRECTS

	}

	private final Reason reason;

	RefusedRequestException(Reason reason, String detail) {
		super(detail);
		this.reason = reason;
	}

	public Reason reason() {
		return this.reason;
	}

}
