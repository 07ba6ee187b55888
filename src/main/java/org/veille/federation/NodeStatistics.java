package org.veille.federation;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.GitProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What NodeInfo tells of the site: how many people, how many of them posted lately, how many messages.
 */
@Component
class NodeStatistics {

	record Counts(long people, long activeMonth, long activeHalfYear, long messages, boolean openRegistrations) {
	}

	private final JdbcClient jdbc;

	private final String version;

	NodeStatistics(JdbcClient jdbc, ObjectProvider<GitProperties> git) {
		this.jdbc = jdbc;
		GitProperties properties = git.getIfAvailable();
		this.version = (properties != null && properties.getShortCommitId() != null) ? properties.getShortCommitId()
				: "unknown";
	}

	String version() {
		return this.version;
	}

	/** A few counts over whole tables: NodeInfo crawlers ask seldom. */
	Counts counts() {
		return this.jdbc.sql("""
				select (select count(*) from accounts where suspended_at is null) as people,
				       (select count(distinct author_id) from messages where created_at > now() - interval '30 days') as month,
				       (select count(distinct author_id) from messages where created_at > now() - interval '180 days') as half,
				       (select count(*) from messages where deleted_at is null) as messages,
				       coalesce((select signup_mode from site_settings limit 1), 'open') = 'open' as open
				""")
			.query((rs, row) -> new Counts(rs.getLong("people"), rs.getLong("month"), rs.getLong("half"),
					rs.getLong("messages"), rs.getBoolean("open")))
			.single();
	}

}
