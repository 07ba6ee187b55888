package org.veille.database;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rolls back a transaction whose connection may be gone (PostgreSQL stopped or restarted under it): that is
 * not a second failure, since the server dropped the transaction with the connection. The failure that caused
 * the rollback is then the one reported (a 503, not a 500), and the log shows no stack trace for it.
 */
final class GoneConnectionRollback {

	private static final Logger logger = LoggerFactory.getLogger(GoneConnectionRollback.class);

	private GoneConnectionRollback() {
	}

	static void run(Runnable rollback) {
		try {
			rollback.run();
		}
		catch (RuntimeException ex) {
			if (!DatabaseUnavailable.causedBy(ex)) {
				throw ex;
			}
			logger.debug("No rollback needed: the connection is gone ({})", ex.getMessage());
		}
	}

}
