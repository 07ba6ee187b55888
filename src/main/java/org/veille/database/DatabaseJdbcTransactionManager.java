package org.veille.database;

import javax.sql.DataSource;

import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;

/**
 * A plain JDBC transaction manager that, like {@link DatabaseTransactionManager}, takes the rollback of a
 * transaction whose connection is gone for no second failure ({@link GoneConnectionRollback}), without the stack
 * trace {@code TransactionTemplate} logs when a rollback fails.
 */
public class DatabaseJdbcTransactionManager extends JdbcTransactionManager {

	public DatabaseJdbcTransactionManager(DataSource dataSource) {
		super(dataSource);
	}

	@Override
	protected void doRollback(DefaultTransactionStatus status) {
		GoneConnectionRollback.run(() -> super.doRollback(status));
	}

}
