package org.veille.operations;

import java.time.Duration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
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

	/** Absent when Spring Session JDBC is turned off (sessions in memory, one instance: bench/two-instances.sh). */
	private final ObjectProvider<SeldomTouchedSessions> sessions;

	ExpiredSessions(ClusterTasks tasks, ObjectProvider<SeldomTouchedSessions> sessions) {
		this.tasks = tasks;
		this.sessions = sessions;
	}

	@Scheduled(fixedDelay = 60_000, initialDelay = 60_000)
	void deleteIfDue() {
		SeldomTouchedSessions repository = this.sessions.getIfAvailable();
		if (repository != null && this.tasks.claim(TASK, EVERY)) {
			repository.deleteExpired();
		}
	}

}
