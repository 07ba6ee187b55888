package org.veille.database;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.transaction.CannotCreateTransactionException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which failures mean "PostgreSQL cannot be reached": those answered 503 and waited out by workers.
 */
class DatabaseUnavailableTests {

	@Test
	void shouldRecogniseAnUnreachableDatabaseWhereverItIsInTheCauses() {
		assertThat(DatabaseUnavailable.causedBy(new CannotCreateTransactionException("no connection",
				new SQLTransientConnectionException("pool timed out")))).isTrue();
		assertThat(DatabaseUnavailable.causedBy(new CannotGetJdbcConnectionException("no connection"))).isTrue();
		assertThat(DatabaseUnavailable.causedBy(new RuntimeException("wrapped",
				new SQLException("terminating connection due to administrator command", "57P01")))).isTrue();
		assertThat(DatabaseUnavailable.causedBy(new SQLException("An I/O error occurred", "08006"))).isTrue();
		assertThat(DatabaseUnavailable.causedBy(new JpaSystemException(new RuntimeException(
				"Unable to rollback against JDBC Connection", new SQLException("Connection is closed"))))).isTrue();
	}

	@Test
	void shouldLeaveOtherFailuresToTheUsualErrorHandling() {
		assertThat(DatabaseUnavailable.causedBy(null)).isFalse();
		assertThat(DatabaseUnavailable.causedBy(new DataIntegrityViolationException("duplicate key",
				new SQLException("duplicate key value violates unique constraint", "23505")))).isFalse();
		assertThat(DatabaseUnavailable.causedBy(new SQLException("syntax error", "42601"))).isFalse();
		assertThat(DatabaseUnavailable.causedBy(new IllegalStateException("a bug"))).isFalse();
	}

}
