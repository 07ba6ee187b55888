package org.veille.database;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Replaces the stack trace of a failed embedded database start with one paragraph saying what to do.
 */
class EmbeddedDatabaseFailureAnalyzer extends AbstractFailureAnalyzer<EmbeddedDatabaseUnavailableException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, EmbeddedDatabaseUnavailableException cause) {
		return new FailureAnalysis(describe(cause), action(cause), cause);
	}

	static String describe(EmbeddedDatabaseUnavailableException cause) {
		String reason = cause.getCause() != null ? cause.getCause().getMessage() : cause.getMessage();
		return "Veille could not start its embedded PostgreSQL (data directory " + cause.dataDirectory() + "): "
				+ reason;
	}

	static String action(EmbeddedDatabaseUnavailableException cause) {
		String rootNote = "root".equals(System.getProperty("user.name"))
				? " You are running as root: PostgreSQL refuses root unless the kernel lets it run in a user"
						+ " namespace (unshare -U), which seems blocked here, so run Veille as an ordinary user."
				: "";
		return "Make the data directory writable or choose another one with VEILLE_DATABASE_EMBEDDED_DATA_DIRECTORY,"
				+ " or use your own PostgreSQL server by setting SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME"
				+ " and SPRING_DATASOURCE_PASSWORD." + rootNote;
	}

}
