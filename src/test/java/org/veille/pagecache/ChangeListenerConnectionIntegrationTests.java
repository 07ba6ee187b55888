package org.veille.pagecache;

import java.time.Duration;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.veille.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The change listener borrows its connection from the application's pool: when it stops, the connection goes
 * back like any other, neither listening nor named as the listener (an operator or a test cutting the listener
 * off by its name must not cut off a statement of the pool's).
 */
@IntegrationTest
class ChangeListenerConnectionIntegrationTests {

	@Autowired
	private JdbcConnectionDetails database;

	@Autowired
	private PageCacheProperties properties;

	@Autowired
	private ApplicationEventPublisher events;

	@Test
	void shouldGiveItsConnectionBackUnnamedAndNotListening() {
		try (HikariDataSource onePool = onePooledConnection()) {
			PageVersions versions = new PageVersions(this.properties);
			ChangeListener listener = new ChangeListener(onePool, versions, new CommitFences(), this.events);
			listener.start();
			await().atMost(Duration.ofSeconds(20)).until(versions::isTrustworthy);
			JdbcClient listenerSession = JdbcClient.create(onePool);
			assertThat(onePool.getHikariPoolMXBean().getActiveConnections()).as("the listener's connection").isEqualTo(1);

			listener.stop();
			await().atMost(Duration.ofSeconds(20)).until(() -> !versions.isTrustworthy());

			assertThat(listenerSession.sql("show application_name").query(String.class).single())
				.isNotEqualTo(ChangeListener.APPLICATION_NAME);
			assertThat(listenerSession.sql("select count(*) from pg_listening_channels()").query(Long.class).single())
				.isZero();
		}
	}

	private HikariDataSource onePooledConnection() {
		HikariDataSource pool = new HikariDataSource();
		pool.setJdbcUrl(this.database.getJdbcUrl());
		pool.setUsername(this.database.getUsername());
		pool.setPassword(this.database.getPassword());
		pool.setMaximumPoolSize(1);
		pool.setPoolName("one-connection");
		return pool;
	}

}
