package org.veille.database;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An outage met a hundred times writes one line, and its end another; other failures are the caller's.
 */
@ExtendWith(OutputCaptureExtension.class)
class OutageLogTests {

	@Test
	void shouldWriteOneLinePerOutageAndOneWhenItEnds(CapturedOutput output) {
		OutageLog log = new OutageLog(LoggerFactory.getLogger(OutageLogTests.class), "Test workers");

		for (int i = 0; i < 100; i++) {
			assertThat(log.unreachable(new CannotGetJdbcConnectionException("refused"))).isTrue();
		}
		log.reachable();
		log.reachable();

		assertThat(output.getAll().lines().filter((line) -> line.contains("Test workers: the database cannot be reached")))
			.hasSize(1);
		assertThat(output.getAll().lines().filter((line) -> line.contains("Test workers: the database answers again")))
			.hasSize(1);
		assertThat(output.getAll()).doesNotContain("\tat ");
	}

	@Test
	void shouldLeaveOtherFailuresToTheCaller(CapturedOutput output) {
		OutageLog log = new OutageLog(LoggerFactory.getLogger(OutageLogTests.class), "Test workers");

		assertThat(log.unreachable(new IllegalStateException("a bug"))).isFalse();
		log.reachable();

		assertThat(output.getAll()).doesNotContain("Test workers");
	}

}
