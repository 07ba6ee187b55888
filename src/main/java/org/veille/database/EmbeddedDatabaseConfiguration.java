package org.veille.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Starts PostgreSQL inside the application when no server is configured, so that
 * {@code ./mvnw spring-boot:run} works on a fresh machine. The datasource depends on the
 * server bean, so the server starts before it and stops after it.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseCondition.class)
class EmbeddedDatabaseConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres(EmbeddedDatabaseProperties properties) {
		Path dataDirectory = properties.dataDirectory().toAbsolutePath().normalize();
		prepare(dataDirectory);
		try {
			EmbeddedPostgres postgres = EmbeddedPostgres.builder()
				.setDataDirectory(dataDirectory)
				.setCleanDataDirectory(false)
				.setPort(properties.port())
				.start();
			logger.info("Embedded PostgreSQL listening on port {}, data in {}", postgres.getPort(), dataDirectory);
			return postgres;
		}
		catch (IOException | RuntimeException ex) {
			throw new EmbeddedDatabaseUnavailableException(dataDirectory, ex);
		}
	}

	@Bean
	@ConfigurationProperties("spring.datasource.hikari")
	HikariDataSource dataSource(EmbeddedPostgres postgres) {
		HikariDataSource dataSource = DataSourceBuilder.create()
			.type(HikariDataSource.class)
			.url(postgres.getJdbcUrl("postgres", "postgres"))
			.username("postgres")
			.password("")
			.build();
		dataSource.setPoolName("veille-embedded");
		return dataSource;
	}

	private static void prepare(Path dataDirectory) {
		try {
			Files.createDirectories(dataDirectory);
		}
		catch (IOException | RuntimeException ex) {
			throw new EmbeddedDatabaseUnavailableException(dataDirectory, ex);
		}
		if (!Files.isWritable(dataDirectory)) {
			throw new EmbeddedDatabaseUnavailableException(dataDirectory,
					new IOException(dataDirectory + " is not writable"));
		}
	}

}
