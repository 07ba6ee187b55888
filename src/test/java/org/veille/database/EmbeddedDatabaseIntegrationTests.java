package org.veille.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.veille.VeilleApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * The whole application on its embedded PostgreSQL, as {@code ./mvnw spring-boot:run} starts it
 * when no datasource is configured.
 */
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedDatabaseIntegrationTests {

	@TempDir
	Path directory;

	@Test
	void shouldKeepAccountsAndMessagesAcrossRestarts() {
		Path data = this.directory.resolve("postgres");
		try (ConfigurableApplicationContext app = start(data)) {
			assertThat(app.getBean(EmbeddedPostgres.class).getJdbcUrl("postgres", "postgres"))
				.isEqualTo(app.getBean(HikariDataSource.class).getJdbcUrl());
			JdbcClient jdbc = app.getBean(JdbcClient.class);
			jdbc.sql("insert into accounts (login, email, password_hash) values ('kept', 'kept@example.org', 'x')")
				.update();
			jdbc.sql("""
					insert into messages (uuid, author_id, body, title, created_at, updated_at)
					select gen_random_uuid(), id, 'Still here', 'Still here', now(), now() from accounts
					where login = 'kept'
					""").update();
		}
		try (ConfigurableApplicationContext app = start(data)) {
			JdbcClient jdbc = app.getBean(JdbcClient.class);
			assertThat(jdbc.sql("select body from messages m join accounts a on a.id = m.author_id where a.login = 'kept'")
				.query(String.class)
				.list()).containsExactly("Still here");
		}
	}

	@Test
	void shouldStopWithAShortExplanationWhenTheDataDirectoryIsUnusable(CapturedOutput output) throws IOException {
		Path file = Files.writeString(this.directory.resolve("a-file"), "not a directory");

		assertThatException().isThrownBy(() -> start(file.resolve("postgres")))
			.havingRootCause()
			.isNotNull();
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Veille could not start its embedded PostgreSQL")
			.contains("SPRING_DATASOURCE_URL")
			.contains("VEILLE_DATABASE_EMBEDDED_DATA_DIRECTORY")
			.doesNotContain("\tat org.veille");
	}

	private static ConfigurableApplicationContext start(Path data) {
		return new SpringApplicationBuilder(VeilleApplication.class).run(
				"--veille.database.embedded.data-directory=" + data, "--server.port=0",
				"--spring.main.banner-mode=off");
	}

}
