package org.veille.operations;

import java.time.Duration;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Periodic work done once across all instances (DESIGN §10): before each run an instance claims it in
 * PostgreSQL ({@code scheduled_runs}), and only the instance whose claim succeeds runs it. Every instance may
 * ask as often as it likes; a task runs at most once per period whatever the number of instances, and goes on
 * running when any of them stops. Times come from the database's clock, the one all instances share.
 */
@Component
public class ClusterTasks {

	private final JdbcClient jdbc;

	ClusterTasks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Claims the run of {@code task} that is due, if one is: true for one caller only, after which the next run
	 * is due {@code every} later. Simultaneous claims wait for each other's row lock, and the later ones then
	 * find the run no longer due.
	 */
	public boolean claim(String task, Duration every) {
		return this.jdbc.sql("""
				insert into scheduled_runs as r (task, next_run_at)
				values (:task, now() + make_interval(secs => :every))
				on conflict (task) do update set next_run_at = excluded.next_run_at
				where r.next_run_at <= now()
				returning task
				""")
			.param("task", task)
			.param("every", every.toMillis() / 1000.0)
			.query(String.class)
			.optional()
			.isPresent();
	}

}
