package org.veille.database;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;

import org.jspecify.annotations.Nullable;

/**
 * Converts between {@link Instant} and what the PostgreSQL driver reads and writes for {@code timestamptz}.
 */
public final class Timestamps {

	private Timestamps() {
	}

	public static OffsetDateTime of(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	/**
	 * Instants as an array parameter for {@code cast(:name as timestamptz[])} (a statement that stores
	 * many rows at once): ISO-8601 texts, which PostgreSQL reads exactly, microseconds included.
	 */
	public static String[] array(Collection<Instant> instants) {
		return instants.stream().map(Instant::toString).toArray(String[]::new);
	}

	public static Instant read(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, OffsetDateTime.class).toInstant();
	}

	/** The column's instant, or null when it holds none. */
	public static @Nullable Instant readNullable(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

}
