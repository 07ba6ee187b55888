package org.veille.link;

import java.util.HexFormat;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Reads the stored thumbnails. */
@Repository
@Transactional(readOnly = true)
class ThumbnailQueries {

	private final JdbcClient jdbc;

	ThumbnailQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Stored> find(long id) {
		return this.jdbc.sql("select sha256, content_type, bytes from thumbnails where id = :id")
			.param("id", id)
			.query((rs, rowNum) -> new Stored("\"" + HexFormat.of().formatHex(rs.getBytes("sha256")) + "\"",
					rs.getString("content_type"), rs.getBytes("bytes")))
			.optional();
	}

	/** A thumbnail as served; its ETag is its SHA-256, quoted. */
	record Stored(String etag, String contentType, byte[] bytes) {
	}

}
