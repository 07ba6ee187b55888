package org.veille.database;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Converts between {@link Instant} and what the PostgreSQL driver reads and writes for {@code timestamptz}.
 */
public final class Timestamps {

	private Timestamps() {
	}

	public static OffsetDateTime of(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	public static Instant read(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, OffsetDateTime.class).toInstant();
	}

}
