package org.veille.site;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import org.veille.database.Timestamps;

/** The small indexed queries of a site page besides its list of threads. */
@Repository
@Transactional(readOnly = true)
class SiteQueries {

	/** A site page lists this many child paths, the most cited first. */
	static final int MAX_CHILDREN = 50;

	private final JdbcClient jdbc;

	SiteQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<SiteView> find(String host, String path) {
		return this.jdbc.sql("""
				select id, host, path, thread_count, changed_at from site_paths where host = :host and path = :path
				""").param("host", host).param("path", path).query(SiteQueries::site).optional();
	}

	List<SiteView> children(SiteView parent) {
		return this.jdbc.sql("""
				select id, host, path, thread_count, changed_at from site_paths
				where host = :host and parent_path = :path
				order by thread_count desc, id limit :limit
				""")
			.param("host", parent.host())
			.param("path", parent.path())
			.param("limit", MAX_CHILDREN)
			.query(SiteQueries::site)
			.list();
	}

	/** The fetched title of the page this path names, when one was cited without a query and fetched. */
	Optional<String> pageTitle(SiteView site) {
		return this.jdbc.sql("""
				select title from links where site_path_id = :site and title is not null
				order by fetched_at desc limit 1
				""").param("site", site.id()).query(String.class).optional();
	}

	private static SiteView site(ResultSet rs, int rowNum) throws SQLException {
		return new SiteView(rs.getLong("id"), rs.getString("host"), rs.getString("path"), rs.getInt("thread_count"),
				Timestamps.read(rs, "changed_at"));
	}

}
