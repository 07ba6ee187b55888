package org.veille.thread;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Which scans of a table a statement ran, by its plan under {@code explain analyze}. */
final class ExecutedScans {

	private ExecutedScans() {
	}

	/**
	 * The plan lines of the scans of {@code table} that ran: a scan the statement never reached shows
	 * {@code (never executed)} instead of its {@code (actual …)} figures.
	 */
	static List<String> of(JdbcClient jdbc, String table, String statement, Map<String, ?> params) {
		Pattern ran = Pattern.compile("Scan .*on " + table + " \\w+ \\(actual");
		return jdbc.sql("explain (analyze, costs off) " + statement)
			.params(params)
			.query(String.class)
			.list()
			.stream()
			.filter((line) -> ran.matcher(line).find())
			.toList();
	}

}
