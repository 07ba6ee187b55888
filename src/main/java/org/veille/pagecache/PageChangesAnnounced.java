package org.veille.pagecache;

import java.sql.Connection;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.postgresql.PGNotification;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * PostgreSQL announced committed changes (from any instance), published on the listener's thread before
 * kept pages are dropped.
 * @param payloads what the triggers said changed ({@code "site"}: the site's settings; empty: other data)
 * @param afterGap true when listening (re)starts: announcements may have been missed, so anything may have
 * changed
 * @param database the listener's own connection, to read what changed without borrowing a second one
 */
public record PageChangesAnnounced(Set<String> payloads, boolean afterGap, JdbcClient database) {

	/** What the trigger on {@code site_settings} announces (migration V80). */
	public static final String SITE = "site";

	static PageChangesAnnounced afterGap(Connection connection) {
		return new PageChangesAnnounced(Set.of(), true, client(connection));
	}

	static PageChangesAnnounced of(PGNotification[] notifications, Connection connection) {
		return new PageChangesAnnounced(
				Arrays.stream(notifications).map(PGNotification::getParameter).collect(Collectors.toUnmodifiableSet()),
				false, client(connection));
	}

	static boolean namesTheSite(PGNotification[] notifications) {
		return Arrays.stream(notifications).anyMatch((notification) -> SITE.equals(notification.getParameter()));
	}

	private static JdbcClient client(Connection connection) {
		return JdbcClient.create(new SingleConnectionDataSource(connection, true));
	}

	/** Whether something announced as {@code payload} may have changed. */
	public boolean mayConcern(String payload) {
		return this.afterGap || this.payloads.contains(payload);
	}

}
