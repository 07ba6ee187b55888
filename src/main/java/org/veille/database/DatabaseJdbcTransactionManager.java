package org.veille.database;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;

/**
 * A plain JDBC transaction manager that, like {@link DatabaseTransactionManager}, takes the rollback of a
 * transaction whose connection is gone for no second failure: the failure that caused the rollback is the one
 * reported, without the stack trace {@code TransactionTemplate} logs when a rollback fails.
 */
public class DatabaseJdbcTransactionManager extends JdbcTransactionManager {

	private static final Logger logger = LoggerFactory.getLogger(DatabaseJdbcTransactionManager.class);

	public DatabaseJdbcTransactionManager(DataSource dataSource) {
		super(dataSource);
	}

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
