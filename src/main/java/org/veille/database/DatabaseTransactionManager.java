package org.veille.database;

import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;

/**
 * JPA's transaction manager, except that rolling back a transaction whose connection is gone is no second
 * failure ({@link GoneConnectionRollback}): the log shows one line instead of a stack trace per transaction in
 * flight when PostgreSQL goes away.
 */
public class DatabaseTransactionManager extends JpaTransactionManager {

	@Override
	protected void doRollback(DefaultTransactionStatus status) {
		GoneConnectionRollback.run(() -> super.doRollback(status));
	}

}
