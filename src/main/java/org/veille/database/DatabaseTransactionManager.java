package org.veille.database;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;

/**
 * JPA's transaction manager, except that rolling back a transaction whose connection is gone (PostgreSQL
 * stopped or restarted under it) is not a second failure: the server dropped the transaction with the
 * connection. The failure that caused the rollback is then the one reported (a 503, not a 500), and the
 * log shows one line instead of a stack trace per transaction in flight.
 */
public class DatabaseTransactionManager extends JpaTransactionManager {

	private static final Logger logger = LoggerFactory.getLogger(DatabaseTransactionManager.class);

	@Override
	protected void doRollback(DefaultTransactionStatus status) {
		try {
			super.doRollback(status);
		}
		catch (RuntimeException ex) {
			if (!DatabaseUnavailable.causedBy(ex)) {
				throw ex;
			}
			logger.debug("No rollback needed: the connection is gone ({})", ex.getMessage());
		}
	}

}
