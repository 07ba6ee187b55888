package org.veille.link;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;

/** A link as stored, for tests to check what the fetcher recorded. */
record LinkRow(long id, String status, @Nullable String title, @Nullable String description,
		@Nullable String failureReason, @Nullable String failureDetail, @Nullable Long thumbnailId,
		@Nullable String thumbnailFailure) {

	static LinkRow of(JdbcClient jdbc, String url) {
		String key = UrlNormalizer.normalize(url).orElseThrow().key();
		return jdbc.sql("""
				select id, fetch_status, title, description, failure_reason, failure_detail, thumbnail_id,
				       thumbnail_failure
				from links where normalized_hash = sha256(convert_to(:key, 'UTF8'))
				""")
			.param("key", key)
			.query((rs, rowNum) -> new LinkRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getObject(7, Long.class), rs.getString(8)))
			.single();
	}

}
