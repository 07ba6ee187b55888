package org.veille.operations;

import java.time.Duration;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.stereotype.Component;

/**
 * Deletes expired sessions about once a minute, by one instance at a time: Spring Session's own cleanup
 * (turned off, {@code spring.session.jdbc.cleanup-cron=-}) would run on every instance at the same second.
 */
@Component
class ExpiredSessions {

	static final String TASK = "operations.expired-sessions";

	private static final Duration EVERY = Duration.ofMinutes(1);

	private final ClusterTasks tasks;

	private final JdbcIndexedSessionRepository sessions;

	ExpiredSessions(ClusterTasks tasks, JdbcIndexedSessionRepository sessions) {
		this.tasks = tasks;
		this.sessions = sessions;
	}

	@Scheduled(fixedDelay = 60_000, initialDelay = 60_000)
	void deleteIfDue() {
		if (this.tasks.claim(TASK, EVERY)) {
			this.sessions.cleanUpExpiredSessions();
		}
	}

}
