package org.veille.tag;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import org.veille.database.Timestamps;

@Repository
@Transactional(readOnly = true)
class TagQueries {

	/** A prefix such as {@code /tag/a*} can match many tags: a page lists the threads of the most used ones. */
	static final int MAX_TAGS_PER_PAGE = 500;

	private final JdbcClient jdbc;

	TagQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<TagView> findByKey(String key) {
		return this.jdbc.sql("select id, key, display, thread_count, changed_at from tags where key = :key")
			.param("key", key)
			.query((rs, rowNum) -> new TagView(rs.getLong("id"), rs.getString("key"), rs.getString("display"),
					rs.getInt("thread_count"), Timestamps.read(rs, "changed_at")))
			.optional();
	}

	/** The ids of the tag and its descendants ({@code key/…}). */
	List<Long> treeIds(String key) {
		return idsMatching(key, key + "/");
	}

	/** The ids of every tag whose key starts with these letters. */
	List<Long> prefixIds(String prefix) {
		return idsMatching(prefix, prefix);
	}

	/** When the newest of these tags last gained or changed a thread, for conditional GETs. */
	Optional<Instant> lastChange(List<Long> tagIds) {
		return this.jdbc.sql("select max(changed_at) as changed_at from tags where id = any(:ids)")
			.param("ids", tagIds.toArray(Long[]::new))
			.query((rs, rowNum) -> (rs.getObject("changed_at") != null) ? Timestamps.read(rs, "changed_at") : null)
			.optional();
	}

	private List<Long> idsMatching(String exactKey, String prefix) {
		return this.jdbc.sql("""
				select id from tags where key = :key or key like :pattern escape '\\'
				order by thread_count desc, id limit :limit
				""")
			.param("key", exactKey)
			.param("pattern", escapeLike(prefix) + "%")
			.param("limit", MAX_TAGS_PER_PAGE)
			.query(Long.class)
			.list();
	}

	private static String escapeLike(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

}
