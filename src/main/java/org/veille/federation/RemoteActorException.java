package org.veille.federation;

/**
 * A remote actor could not be had: fetch refused or failed, or its document is not an actor with a key.
 */
class RemoteActorException extends Exception {

	private static final long serialVersionUID = 1L;

	RemoteActorException(String message) {
		super(message);
	}

	RemoteActorException(String message, Throwable cause) {
		super(message, cause);
	}

}
