package org.veille.operations;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.veille.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Expired sessions are deleted by whichever instance claims the minute's run, and only then.
 */
@IntegrationTest
class ExpiredSessionsIntegrationTests {

	@Autowired
	private ExpiredSessions expiredSessions;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void shouldDeleteExpiredSessionsOncePerRunClaimed() {
		String expired = storeSession(-60_000);
		String live = storeSession(30 * 60_000);
		makeRunDue();

		this.expiredSessions.deleteIfDue();

		assertThat(exists(expired)).isFalse();
		assertThat(exists(live)).isTrue();

		String expiredSince = storeSession(-1_000);
		this.expiredSessions.deleteIfDue();

		assertThat(exists(expiredSince)).as("not before the next run is due").isTrue();
		makeRunDue();
		this.expiredSessions.deleteIfDue();
		assertThat(exists(expiredSince)).isFalse();
	}

	private void makeRunDue() {
		this.jdbc.sql("""
				insert into scheduled_runs (task, next_run_at) values (:task, now() - interval '1 second')
				on conflict (task) do update set next_run_at = excluded.next_run_at
				""").param("task", ExpiredSessions.TASK).update();
	}

	/** A session row as Spring Session writes it, expiring this many milliseconds from now. */
	private String storeSession(long expiresInMillis) {
		String id = UUID.randomUUID().toString();
		long now = System.currentTimeMillis();
		this.jdbc.sql("""
				insert into http_sessions (primary_id, session_id, creation_time, last_access_time,
				    max_inactive_interval, expiry_time)
				values (:id, :id, :now, :now, 1800, :expiry)
				""").param("id", id).param("now", now).param("expiry", now + expiresInMillis).update();
		return id;
	}

	private boolean exists(String id) {
		return this.jdbc.sql("select count(*) from http_sessions where primary_id = ?").param(id)
			.query(Integer.class)
			.single() > 0;
	}

}
