package org.veille.pagecache;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.regex.Pattern;

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
 * read (migrations V8 and V70), on a connection of its own, and drops in {@link PageVersions} the keys each
 * announcement names. A reconnection drops everything: announcements made meanwhile are lost.
 * NOTIFY is delivered on commit only, to every instance: that is how the caches of several instances stay
 * right without any state shared outside PostgreSQL. While the connection is down the cache is bypassed.
 * A change of the site's settings ({@code site}) and a reconnection are also published as a
 * {@link SiteChangeAnnounced} event, before any key is dropped, so that what other packages keep beside the
 * pages is fresh when the next page is rendered.
 */
class ChangeListener implements SmartLifecycle {

	static final String CHANNEL = "veille_page_changes";

	static final String APPLICATION_NAME = "veille-change-listener";

	/** A statement's keys come in one notification, separated by spaces (migration V81). */
	private static final Pattern KEYS = Pattern.compile(" ");

	private static final Duration POLL = Duration.ofSeconds(5);

	private static final Duration RETRY = Duration.ofSeconds(2);

	private static final Logger logger = LoggerFactory.getLogger(ChangeListener.class);

	private final DataSource dataSource;

	private final PageVersions versions;

	private final CommitFences fences;

	private final ApplicationEventPublisher events;

	private volatile boolean running;

	private @Nullable Thread thread;

	ChangeListener(DataSource dataSource, PageVersions versions, CommitFences fences,
			ApplicationEventPublisher events) {
		this.dataSource = dataSource;
		this.versions = versions;
		this.fences = fences;
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
					// Named, so that operators (and a test) can tell this session in pg_stat_activity.
					statement.execute("set application_name = '" + APPLICATION_NAME + "'");
					statement.execute("listen " + CHANNEL);
				}
				try {
					this.events.publishEvent(SiteChangeAnnounced.on(connection));
					this.versions.listening(true);
					readUntilStopped(connection);
				}
				finally {
					giveBack(connection);
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

	private void readUntilStopped(Connection connection) throws SQLException {
		PGConnection postgres = connection.unwrap(PGConnection.class);
		while (this.running) {
			PGNotification[] notifications = postgres.getNotifications((int) POLL.toMillis());
			if (notifications != null) {
				if (SiteChangeAnnounced.namedIn(notifications)) {
					this.events.publishEvent(SiteChangeAnnounced.on(connection));
				}
				for (PGNotification notification : notifications) {
					for (String payload : KEYS.split(notification.getParameter())) {
						read(payload);
					}
				}
			}
		}
	}

	/**
	 * The connection goes back to the pool as any other: no longer listening (unread notifications would pile up
	 * for it) nor named as the listener (a statement of the pool's could be taken for it, and cut off with it).
	 */
	private static void giveBack(Connection connection) {
		try {
			// A connection already broken (the database went away, or stopped first at shutdown) is dropped by
			// the pool anyway: a statement on it would only be logged as a failure.
			if (!connection.isValid(1)) {
				return;
			}
			try (Statement statement = connection.createStatement()) {
				statement.execute("unlisten *");
				statement.execute("reset application_name");
			}
		}
		catch (SQLException ex) {
			// Broken meanwhile: the same.
		}
	}

	/**
	 * A key drops the pages that show it; a fence tells a writer of this instance that its keys were read (they
	 * come before it); '*', the site's settings (V80: its name is on every page) and the empty payload of tables
	 * announcing no keys (migration V8) drop everything.
	 */
	private void read(String payload) {
		if (payload.isEmpty() || payload.equals("*") || payload.equals(SiteChangeAnnounced.PAYLOAD)) {
			this.versions.changed();
		}
		else if (CommitFences.isFence(payload)) {
			this.fences.arrived(payload);
		}
		else {
			this.versions.dropped(payload);
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
