package org.veille.siteinfo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import org.veille.pagecache.SiteChangeAnnounced;

/**
 * The site's name and description, kept in memory so that rendering a page never reads them: templates call
 * {@code @currentSiteInfo.name()}, which also works on pages rendered while PostgreSQL is away. They are read
 * at start-up and again when PostgreSQL announces a change of the settings (any instance) or after the
 * announcements were interrupted, on the listener's thread and connection, before kept pages are dropped.
 */
@Component
public class CurrentSiteInfo {

	private static final Logger logger = LoggerFactory.getLogger(CurrentSiteInfo.class);

	private final JdbcClient jdbc;

	private volatile SiteInfo current = SiteInfo.DEFAULT;

	CurrentSiteInfo(JdbcClient jdbc) {
		this.jdbc = jdbc;
		reload(jdbc);
	}

	public SiteInfo get() {
		return this.current;
	}

	public String name() {
		return this.current.name();
	}

	public String description() {
		return this.current.description();
	}

	/**
	 * Stores a new name and description in the caller's transaction; this instance shows them once it commits
	 * (the others when PostgreSQL announces it).
	 * @return whether anything changed
	 */
	public boolean change(SiteInfo info) {
		int changed = this.jdbc.sql("""
				update site_settings set name = :name, description = :description
				where (name, description) is distinct from (:name, :description)
				""").param("name", info.name()).param("description", info.description()).update();
		if (changed == 0) {
			return false;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void afterCommit() {
				CurrentSiteInfo.this.current = info;
			}

		});
		return true;
	}

	@EventListener
	void announced(SiteChangeAnnounced change) {
		reload(change.database());
	}

	private void reload(JdbcClient database) {
		try {
			this.current = database.sql("select name, description from site_settings")
				.query((rs, row) -> new SiteInfo(rs.getString("name"), rs.getString("description")))
				.single();
		}
		catch (DataAccessException ex) {
			logger.warn("Could not read the site's name ({}); showing {} until it can be read", ex.getMessage(),
					this.current.name());
		}
	}

}
