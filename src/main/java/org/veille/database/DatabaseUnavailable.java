package org.veille.database;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells a failure to reach PostgreSQL (server stopped or restarting, network gone, no pooled connection
 * within the pool's timeout) from any other: the first is the site's condition, not the request's fault,
 * and passes by itself. Pages answer it with 503; workers wait it out quietly.
 */
public final class DatabaseUnavailable {

	/** How many causes deep a failure is searched: wrappers nest a few levels, never dozens. */
	private static final int DEPTH = 12;

	private static final String HIKARI_CLOSED_CONNECTION = "Connection is closed";

	private DatabaseUnavailable() {
	}

	/** True when this failure, or one of its causes, says the database could not be reached. */
	public static boolean causedBy(@Nullable Throwable failure) {
		Throwable cause = failure;
		for (int depth = 0; cause != null && depth < DEPTH; depth++) {
			if (isUnreachable(cause)) {
				return true;
			}
			cause = (cause.getCause() != cause) ? cause.getCause() : null;
		}
		return false;
	}

	private static boolean isUnreachable(Throwable failure) {
		if (failure instanceof CannotCreateTransactionException || failure instanceof DataAccessResourceFailureException
				|| failure instanceof SQLTransientConnectionException
				|| failure instanceof SQLNonTransientConnectionException) {
			return true;
		}
		if (!(failure instanceof SQLException sql)) {
			return false;
		}
		// Class 08: connection exceptions; 57P: the server shuts down, crashed, or is starting.
		String state = sql.getSQLState();
		if (state != null) {
			return state.startsWith("08") || state.startsWith("57P");
		}
		// Hikari's words (no SQLState) for a connection it closed after such a failure: the rollback that
		// follows the failure then fails too, and its exception is the one thrown.
		return HIKARI_CLOSED_CONNECTION.equals(sql.getMessage());
	}

}
