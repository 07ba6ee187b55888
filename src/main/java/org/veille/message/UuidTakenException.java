package org.veille.message;

import java.util.UUID;

/**
 * A client chose, for a new message, the UUID of someone else's message.
 */
public class UuidTakenException extends RuntimeException {

	UuidTakenException(UUID uuid) {
		super("The id uuid:" + uuid + " belongs to another person's message");
	}

}
