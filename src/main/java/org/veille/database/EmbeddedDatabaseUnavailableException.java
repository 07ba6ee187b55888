package org.veille.database;

import java.nio.file.Path;

/**
 * The embedded PostgreSQL could not start; {@link EmbeddedDatabaseFailureAnalyzer} explains what to do.
 */
class EmbeddedDatabaseUnavailableException extends RuntimeException {

	private final Path dataDirectory;

	EmbeddedDatabaseUnavailableException(Path dataDirectory, Throwable cause) {
		super("The embedded PostgreSQL could not start with its data in " + dataDirectory + ": " + cause.getMessage(),
				cause);
		this.dataDirectory = dataDirectory;
	}

	Path dataDirectory() {
		return this.dataDirectory;
	}

}
