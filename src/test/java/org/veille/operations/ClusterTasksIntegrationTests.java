package org.veille.operations;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.veille.support.IntegrationTest;
import org.veille.support.TestPeople;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A periodic task is claimed by one caller per period, however many ask at once (more than the connection
 * pool holds: they queue for connections, then for the row).
 */
@IntegrationTest
class ClusterTasksIntegrationTests {

	private static final int CALLERS = 24;

	@Autowired
	private ClusterTasks tasks;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void shouldGiveARunToTheFirstCallerAndTheNextOneOnlyOnceItIsDue() {
		String task = TestPeople.uniqueName("task");

		assertThat(this.tasks.claim(task, Duration.ofHours(1))).isTrue();
		assertThat(this.tasks.claim(task, Duration.ofHours(1))).isFalse();

		this.jdbc.sql("update scheduled_runs set next_run_at = now() - interval '1 second' where task = ?")
			.param(task)
			.update();
		assertThat(this.tasks.claim(task, Duration.ofHours(1))).isTrue();
		assertThat(this.tasks.claim(task, Duration.ofHours(1))).isFalse();
	}

	@Test
	void shouldGiveOneRunToOneOfManySimultaneousCallers() throws Exception {
		String neverRun = TestPeople.uniqueName("fresh");
		String due = TestPeople.uniqueName("due");
		this.tasks.claim(due, Duration.ofHours(1));
		this.jdbc.sql("update scheduled_runs set next_run_at = now() - interval '1 second' where task = ?")
			.param(due)
			.update();

		assertThat(claimsWon(neverRun)).isEqualTo(1);
		assertThat(claimsWon(due)).isEqualTo(1);
	}

	private long claimsWon(String task) throws Exception {
		ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Boolean>> claims = new ArrayList<>();
			for (int i = 0; i < CALLERS; i++) {
				claims.add(callers.submit(() -> {
					start.await();
					return this.tasks.claim(task, Duration.ofHours(1));
				}));
			}
			start.countDown();
			long won = 0;
			for (Future<Boolean> claim : claims) {
				won += claim.get() ? 1 : 0;
			}
			return won;
		}
		finally {
			callers.shutdownNow();
		}
	}

}
