package org.veille.support;

import java.io.IOException;
import java.nio.file.Files;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.testcontainers.postgresql.PostgreSQLContainer;

import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Gives the test context its database, as {@link TestDatabase} chose it. Imported by
 * {@link IntegrationTest}; deliberately not a {@code @Configuration}, so that an application started
 * by a test with {@code SpringApplicationBuilder} does not pick it up by component scanning.
 */
public class TestDatabaseConfiguration {

	@Bean
	@ServiceConnection
	@Conditional(UsesContainer.class)
	PostgreSQLContainer postgresContainer() {
		return new PostgreSQLContainer("postgres:17-alpine");
	}

	@Bean
	@Conditional(UsesExternal.class)
	JdbcConnectionDetails externalTestDatabase() {
		return new Connection(TestDatabase.env(TestDatabase.URL_VARIABLE, ""),
				TestDatabase.env("VEILLE_TEST_DATABASE_USERNAME", "postgres"),
				TestDatabase.env("VEILLE_TEST_DATABASE_PASSWORD", ""));
	}

	@Bean(destroyMethod = "close")
	@Conditional(UsesEmbedded.class)
	EmbeddedPostgres embeddedTestPostgres() {
		try {
			return EmbeddedPostgres.builder()
				.setDataDirectory(Files.createTempDirectory("veille-test-postgres"))
				.setCleanDataDirectory(true)
				.start();
		}
		catch (IOException | RuntimeException ex) {
			throw new IllegalStateException(TestDatabase.unavailableMessage(ex), ex);
		}
	}

	@Bean
	@Conditional(UsesEmbedded.class)
	JdbcConnectionDetails embeddedTestDatabase(EmbeddedPostgres postgres) {
		return new Connection(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "");
	}

	record Connection(String getJdbcUrl, String getUsername, String getPassword) implements JdbcConnectionDetails {
	}

	static class UsesContainer implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return TestDatabase.chosen() == TestDatabase.CONTAINER;
		}

	}

	static class UsesExternal implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return TestDatabase.chosen() == TestDatabase.EXTERNAL;
		}

	}

	static class UsesEmbedded implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return TestDatabase.chosen() == TestDatabase.EMBEDDED;
		}

	}

}
