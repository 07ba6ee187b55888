package org.veille.complete;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.veille.markup.TagKeys;

/**
 * {@code GET /complete/tags?q=sant} and {@code GET /complete/people?q=cam}: at most {@value #LIMIT}
 * existing tags or logins starting with what was typed, in key order, read from a prefix index (a bounded
 * range scan whatever the number of tags or people). Fewer than {@value #MIN_LENGTH} characters, or more
 * than {@value #MAX_LENGTH}, give an empty list.
 */
@RestController
class CompletionController {

	static final int LIMIT = 8;

	static final int MIN_LENGTH = 2;

	static final int MAX_LENGTH = 100;

	private final JdbcClient jdbc;

	CompletionController(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@GetMapping(path = "/complete/tags", produces = MediaType.APPLICATION_JSON_VALUE)
	@Transactional(readOnly = true)
	public ResponseEntity<List<Suggestion>> tags(@RequestParam(name = "q", required = false) @Nullable String typed) {
		if (!usable(typed)) {
			return answer(List.of());
		}
		String prefix = likePrefix(TagKeys.fold(typed));
		return answer(this.jdbc
			.sql("select display, thread_count from tags where key like :prefix escape '\\' and thread_count > 0"
					+ " order by key using ~<~ limit " + LIMIT)
			.param("prefix", prefix)
			.query((rs, row) -> new Suggestion(rs.getString("display"), String.valueOf(rs.getInt("thread_count"))))
			.list());
	}

	@GetMapping(path = "/complete/people", produces = MediaType.APPLICATION_JSON_VALUE)
	@Transactional(readOnly = true)
	public ResponseEntity<List<Suggestion>> people(@RequestParam(name = "q", required = false) @Nullable String typed) {
		if (!usable(typed)) {
			return answer(List.of());
		}
		String prefix = likePrefix(typed.toLowerCase(Locale.ROOT));
		return answer(this.jdbc
			.sql("select login, display_name from accounts where lower(login) like :prefix escape '\\'"
					+ " order by lower(login) using ~<~ limit " + LIMIT)
			.param("prefix", prefix)
			.query((rs, row) -> new Suggestion(rs.getString("login"), rs.getString("display_name")))
			.list());
	}

	private static boolean usable(@Nullable String typed) {
		return typed != null && typed.strip().length() >= MIN_LENGTH && typed.length() <= MAX_LENGTH;
	}

	/** The typed text as a LIKE prefix, its own {@code %}, {@code _} and {@code \} taken literally. */
	static String likePrefix(String typed) {
		return typed.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
	}

	private static ResponseEntity<List<Suggestion>> answer(List<Suggestion> suggestions) {
		return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(suggestions);
	}

}
