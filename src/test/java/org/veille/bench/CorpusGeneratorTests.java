package org.veille.bench;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.jdbc.core.JdbcTemplate;

import org.veille.support.IntegrationTest;
import org.veille.support.SiblingDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The data generator, run on a small corpus in a database of its own (created next to the tests' database and
 * dropped after): it ends by comparing its search documents with the write path's, and must leave the schema as
 * the migrations made it.
 */
@IntegrationTest
class CorpusGeneratorTests {

	private static final String SCHEMA = """
			select 'constraint ' || conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid)
			    || case when convalidated then '' else ' not validated' end
			from pg_constraint where connamespace = 'public'::regnamespace
			union all
			select 'index ' || indexdef from pg_indexes where schemaname = 'public'
			order by 1
			""";

	@Autowired
	private JdbcConnectionDetails database;

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void shouldLoadACorpusWhoseSearchDocumentsAndSchemaAreTheApplicationsOwn(@TempDir Path directory) throws Exception {
		SiblingDatabase corpusDatabase = SiblingDatabase.create(this.database, "corpus");
		String corpusUrl = corpusDatabase.url();
		String password = corpusDatabase.password();
		try {
			Path summary = directory.resolve("corpus.properties");
			CorpusGenerator.main(new String[] { "--url", corpusUrl, "--user", this.database.getUsername(), "--password",
					password, "--messages", "3000", "--out", summary.toString() });

			Properties pages = new Properties();
			try (Reader reader = Files.newBufferedReader(summary)) {
				pages.load(reader);
			}
			assertThat(pages.getProperty("thread.replies")).isEqualTo("50");
			try (Connection corpus = DriverManager.getConnection(corpusUrl, this.database.getUsername(), password);
					Statement statement = corpus.createStatement()) {
				assertThat(longs(statement, "select count(*) from messages", "select count(*) from thread_search",
						"select count(*) from messages where thread_id is null",
						"select count(*) from thread_search where document @@ to_tsquery('simple', search_fold('énergie'))",
						"select count(*) from messages where body ilike '%énergie%' and thread_id is null"))
					.satisfies((counts) -> {
						assertThat(counts.get(0)).isEqualTo(3000L);
						assertThat(counts.get(1)).isEqualTo(counts.get(2))
							.isEqualTo(Long.parseLong(pages.getProperty("threads")));
						assertThat(counts.get(3)).isGreaterThanOrEqualTo(counts.get(4)).isPositive();
					});
				assertThat(rows(statement, SCHEMA)).isEqualTo(this.jdbc.queryForList(SCHEMA, String.class));
			}
		}
		finally {
			corpusDatabase.drop();
		}
	}

	private static List<Long> longs(Statement statement, String... queries) throws SQLException {
		List<Long> values = new ArrayList<>();
		for (String query : queries) {
			try (ResultSet rs = statement.executeQuery(query)) {
				rs.next();
				values.add(rs.getLong(1));
			}
		}
		return values;
	}

	private static List<String> rows(Statement statement, String query) throws SQLException {
		List<String> values = new ArrayList<>();
		try (ResultSet rs = statement.executeQuery(query)) {
			while (rs.next()) {
				values.add(rs.getString(1));
			}
		}
		return values;
	}

}
