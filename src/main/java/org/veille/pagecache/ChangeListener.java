package org.veille.pagecache;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;

/**
 * Listens on the channel the database's triggers notify after every committed change to a table pages
 * read (migration V8), on a connection of its own, and moves {@link PageVersions} on each announcement.
 * NOTIFY is delivered on commit only, to every instance: that is how the caches of several instances stay
 * right without any state shared outside PostgreSQL. While the connection is down the cache is bypassed.
 * Each announcement is also published as a {@link PageChangesAnnounced} event, before the version moves, so
 * what other packages keep beside the pages is fresh when the next page is rendered.
 */
class ChangeListener implements SmartLifecycle {

	static final String CHANNEL = "veille_page_changes";

	private static final Duration POLL = Duration.ofSeconds(5);

	private static final Duration RETRY = Duration.ofSeconds(2);

	private static final Logger logger = LoggerFactory.getLogger(ChangeListener.class);

	private final DataSource dataSource;

	private final PageVersions versions;

	private final ApplicationEventPublisher events;

	private volatile boolean running;

	private @Nullable Thread thread;

	ChangeListener(DataSource dataSource, PageVersions versions, ApplicationEventPublisher events) {
		this.dataSource = dataSource;
		this.versions = versions;
		this.events = events;
	}

	@Override
	public void start() {
		this.running = true;
		Thread listener = new Thread(this::listen, "page-change-listener");
		listener.setDaemon(true);
		listener.start();
		this.thread = listener;
	}

	@Override
	public void stop() {
		this.running = false;
		Thread listener = this.thread;
		if (listener != null) {
			listener.interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private void listen() {
		while (this.running) {
			try (Connection connection = this.dataSource.getConnection()) {
				connection.setAutoCommit(true);
				try (Statement statement = connection.createStatement()) {
					statement.execute("listen " + CHANNEL);
				}
				this.events.publishEvent(PageChangesAnnounced.afterGap(connection));
				this.versions.listening(true);
				PGConnection postgres = connection.unwrap(PGConnection.class);
				while (this.running) {
					PGNotification[] notifications = postgres.getNotifications((int) POLL.toMillis());
					if (notifications != null && notifications.length > 0) {
						this.events.publishEvent(PageChangesAnnounced.of(notifications, connection));
						this.versions.changed();
					}
				}
			}
			catch (SQLException ex) {
				if (this.running) {
					logger.warn("Not listening to page changes ({}); pages are rendered afresh until it comes back",
							ex.getMessage());
				}
			}
			finally {
				this.versions.listening(false);
			}
			pause();
		}
	}

	private void pause() {
		try {
			Thread.sleep(RETRY.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.running = false;
		}
	}

}
