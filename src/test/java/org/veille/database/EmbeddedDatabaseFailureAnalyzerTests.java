package org.veille.database;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import org.springframework.boot.diagnostics.FailureAnalysis;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedDatabaseFailureAnalyzerTests {

	@Test
	void shouldSayWhatFailedAndTheWaysOut() {
		EmbeddedDatabaseUnavailableException failure = new EmbeddedDatabaseUnavailableException(
				Path.of("/srv/veille/data/postgres"), new IOException("Permission denied"));

		FailureAnalysis analysis = new EmbeddedDatabaseFailureAnalyzer()
			.analyze(new IllegalStateException("wrapped", failure));

		assertThat(analysis.getDescription()).contains("/srv/veille/data/postgres").contains("Permission denied");
		assertThat(analysis.getAction()).contains("SPRING_DATASOURCE_URL")
			.contains("VEILLE_DATABASE_EMBEDDED_DATA_DIRECTORY");
	}

	@Test
	void shouldTellRootToRunAsAnOrdinaryUser() {
		String user = System.getProperty("user.name");
		try {
			System.setProperty("user.name", "root");
			FailureAnalysis analysis = new EmbeddedDatabaseFailureAnalyzer().analyze(
					new EmbeddedDatabaseUnavailableException(Path.of("data"), new IOException("initdb failed")));
			assertThat(analysis.getAction()).contains("running as root").contains("ordinary user");
		}
		finally {
			System.setProperty("user.name", user);
		}
	}

}
