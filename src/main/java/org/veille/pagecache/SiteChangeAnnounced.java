package org.veille.pagecache;

import java.sql.Connection;
import java.util.Arrays;

import org.postgresql.PGNotification;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The site's settings may have changed: PostgreSQL announced it ({@code site}, migration V80, from any instance),
 * or listening (re)started and announcements may have been missed. Published on the listener's thread before any
 * kept page is dropped.
 * @param database the listener's own connection, to read the settings without borrowing a second one
 */
public record SiteChangeAnnounced(JdbcClient database) {

	/** What the trigger on {@code site_settings} announces. */
	static final String PAYLOAD = "site";

	static SiteChangeAnnounced on(Connection connection) {
		return new SiteChangeAnnounced(JdbcClient.create(new SingleConnectionDataSource(connection, true)));
	}

	static boolean namedIn(PGNotification[] notifications) {
		return Arrays.stream(notifications).anyMatch((notification) -> PAYLOAD.equals(notification.getParameter()));
	}

}
