package org.veille.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The keys, foreign keys and indexes of the tables a bulk load fills, read from the catalog so that they can be
 * dropped before the load and created again, with the same names and definitions, after it: building an index or
 * checking a foreign key once over a full table is far cheaper than doing it row by row.
 */
final class LoadSchema {

	/** Per table, its primary key and unique constraints, then its other indexes, as statements. */
	private final Map<String, List<String>> keysAndIndexes = new LinkedHashMap<>();

	/** Every foreign key on or towards a loaded table: table, constraint name, definition, referenced table. */
	private final List<String[]> foreignKeys = new ArrayList<>();

	/** The foreign keys already added back (arrays, so compared by identity). */
	private final Set<String[]> restored = new HashSet<>();

	private LoadSchema() {
	}

	/** Reads the schema of these tables and drops their foreign keys, keys and indexes. */
	static LoadSchema dropFrom(Connection connection, List<String> tables) throws SQLException {
		LoadSchema schema = new LoadSchema();
		String names = "array['" + String.join("','", tables) + "']::regclass[]";
		List<String> drops = new ArrayList<>();
		try (Statement statement = connection.createStatement()) {
			try (ResultSet rs = statement.executeQuery("""
					select c.conrelid::regclass::text, c.conname, pg_get_constraintdef(c.oid), c.confrelid::regclass::text
					from pg_constraint c
					where c.contype = 'f' and (c.conrelid = any(%s) or c.confrelid = any(%s)) order by c.oid
					""".formatted(names, names))) {
				while (rs.next()) {
					schema.foreignKeys
						.add(new String[] { rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4) });
					drops.add("alter table " + rs.getString(1) + " drop constraint " + rs.getString(2));
				}
			}
			for (String table : tables) {
				schema.keysAndIndexes.put(table, new ArrayList<>());
			}
			try (ResultSet rs = statement.executeQuery("""
					select c.conrelid::regclass::text, c.conname, pg_get_constraintdef(c.oid) from pg_constraint c
					where c.contype in ('p', 'u') and c.conrelid = any(%s) order by c.contype, c.oid
					""".formatted(names))) {
				while (rs.next()) {
					schema.keysAndIndexes.get(rs.getString(1))
						.add("alter table " + rs.getString(1) + " add constraint " + rs.getString(2) + " " + rs.getString(3));
					drops.add("alter table " + rs.getString(1) + " drop constraint " + rs.getString(2));
				}
			}
			try (ResultSet rs = statement.executeQuery("""
					select i.indrelid::regclass::text, i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid)
					from pg_index i where i.indrelid = any(%s)
					  and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)
					order by i.indexrelid
					""".formatted(names))) {
				while (rs.next()) {
					schema.keysAndIndexes.get(rs.getString(1)).add(rs.getString(3));
					drops.add("drop index " + rs.getString(2));
				}
			}
			for (String drop : drops) {
				statement.execute(drop);
			}
		}
		return schema;
	}

	/** Creates the keys and indexes of one table again, once it is loaded. */
	void restoreKeysAndIndexes(Connection connection, String table) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			for (String definition : this.keysAndIndexes.get(table)) {
				statement.execute(definition);
			}
		}
	}

	int keyAndIndexCount() {
		return this.keysAndIndexes.values().stream().mapToInt(List::size).sum();
	}

	/**
	 * Adds back the foreign keys on or towards none of these tables (not loaded yet), without checking them
	 * (instant), then returns one statement per foreign key that checks the existing rows; each takes only a light
	 * lock, so they may run at once on several connections.
	 */
	List<String> restoreForeignKeysAvoiding(Connection connection, List<String> tables) throws SQLException {
		List<String> validations = new ArrayList<>();
		try (Statement statement = connection.createStatement()) {
			for (String[] key : this.foreignKeys) {
				if (!tables.contains(key[0]) && !tables.contains(key[3]) && this.restored.add(key)) {
					statement.execute("alter table " + key[0] + " add constraint " + key[1] + " " + key[2] + " not valid");
					validations.add("alter table " + key[0] + " validate constraint " + key[1]);
				}
			}
		}
		return validations;
	}

}
