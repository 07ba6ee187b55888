package org.veille.database;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the embedded PostgreSQL started when no {@code spring.datasource.url} is given.
 *
 * @param enabled whether to start it at all
 * @param dataDirectory where its data lives across restarts
 * @param port the port it listens on, 0 for any free port
 */
@ConfigurationProperties("veille.database.embedded")
public record EmbeddedDatabaseProperties(@DefaultValue("true") boolean enabled,
		@DefaultValue("./data/postgres") Path dataDirectory, @DefaultValue("0") int port) {
}
