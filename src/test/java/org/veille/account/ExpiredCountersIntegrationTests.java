package org.veille.account;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.veille.database.Timestamps;
import org.veille.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

@IntegrationTest
class ExpiredCountersIntegrationTests {

	@Autowired
	private ExpiredCounters expired;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private DataSource dataSource;

	@Test
	void shouldDeleteOnlyTheCountersWhoseWindowHasPassed() {
		String subject = UUID.randomUUID().toString();
		Instant now = Instant.now();
		counter("past", subject, now.minusSeconds(1));
		counter("live", subject, now.plus(Duration.ofMinutes(5)));

		this.expired.sweep(now);

		assertThat(scopesOf(subject)).containsExactly("live");
	}

	@Test
	void shouldSkipACounterAnotherStatementHoldsInsteadOfWaitingForIt() throws Exception {
		String subject = UUID.randomUUID().toString();
		Instant now = Instant.now();
		counter("held", subject, now.minusSeconds(1));
		counter("free", subject, now.minusSeconds(1));
		try (Connection other = this.dataSource.getConnection()) {
			other.setAutoCommit(false);
			try (PreparedStatement lock = other
				.prepareStatement("select 1 from attempt_counters where scope = 'held' and subject = ? for update")) {
				lock.setString(1, subject);
				lock.executeQuery().close();
			}

			assertTimeoutPreemptively(Duration.ofSeconds(30), () -> this.expired.sweep(now));

			assertThat(scopesOf(subject)).containsExactly("held");
			other.rollback();
		}
	}

	private void counter(String scope, String subject, Instant expiresAt) {
		this.jdbc.sql("insert into attempt_counters (scope, subject, attempts, expires_at) values (?, ?, 1, ?)")
			.params(scope, subject, Timestamps.of(expiresAt))
			.update();
	}

	private List<String> scopesOf(String subject) {
		return this.jdbc.sql("select scope from attempt_counters where subject = ? order by scope")
			.param(subject)
			.query(String.class)
			.list();
	}

}
