package org.veille.search;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.veille.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code search_fold} with its shortcut for texts without accented letters (migration V9) folds every text as the
 * function of V5 did, whose expression is read from that migration.
 */
@IntegrationTest
class SearchFoldIntegrationTests {

	@Autowired
	private JdbcClient jdbc;

	@ParameterizedTest
	@ValueSource(strings = { "Plain ASCII words, 123 & #tags_here!", "", "ÉPÉE épée Epee", "Œuvre, cœur, Æther, straße",
			"Mixed ascii and ünïcödé", "Łódź, Øresund, Đakovo", "İstanbul IRMAK ılık", "日本語のテキスト", "tab\tand\nnewline" })
	void shouldFoldEveryTextAsTheFirstVersionDid(String text) throws IOException {
		String first = firstVersion().replace("input", "cast(:text as text)");

		String folded = this.jdbc.sql("select search_fold(:text)").param("text", text).query(String.class).single();

		assertThat(folded).isEqualTo(this.jdbc.sql("select " + first).param("text", text).query(String.class).single());
	}

	/** The body of search_fold in migration V5: {@code translate(…)} of {@code input}. */
	private static String firstVersion() throws IOException {
		try (InputStream in = SearchFoldIntegrationTests.class
			.getResourceAsStream("/db/migration/V5__create_thread_search_and_tag_indexes.sql")) {
			assertThat(in).isNotNull();
			String migration = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			int start = migration.indexOf("return translate(") + "return ".length();
			return migration.substring(start, migration.indexOf(");", start) + 1);
		}
	}

}
