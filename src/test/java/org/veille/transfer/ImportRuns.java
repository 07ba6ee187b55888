package org.veille.transfer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.awaitility.Awaitility.await;

/** Runs an import of a file written by a test, straight through {@link ImportService}. */
final class ImportRuns {

	private ImportRuns() {
	}

	/** Imports a file of this content as this person and waits for the import to end; returns its id. */
	static long importAndWait(ImportService imports, JdbcClient jdbc, long accountId, String fileName, String content,
			ImportService.Choices choices) throws Exception {
		Path file = Files.createTempFile("veille-import-", "-" + fileName);
		Files.writeString(file, content, StandardCharsets.UTF_8);
		long id = imports.start(accountId, fileName, file, choices);
		await().atMost(Duration.ofSeconds(60))
			.until(() -> !jdbc.sql("select status from imports where id = :id")
				.param("id", id)
				.query(String.class)
				.single()
				.equals("running"));
		return id;
	}

	static long accountId(JdbcClient jdbc, String login) {
		return jdbc.sql("select id from accounts where login = :login").param("login", login).query(Long.class).single();
	}

}
