package org.veille.search;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.veille.tag.TagQueries;
import org.veille.thread.ThreadPage;
import org.veille.thread.ThreadQueries;
import org.veille.web.Cursor;

/**
 * Runs a {@link SearchQuery} over {@code thread_search}: one statement for the page (the filters are
 * {@code exists}/{@code in} conditions on indexed tables), the usual decoration of the page, and one
 * bounded statement for the tags proposed.
 */
@Service
@Transactional(readOnly = true)
class SearchService {

	/** How many tags are proposed above the results. */
	static final int TAG_SUGGESTIONS = 8;

	/**
	 * Relevance ranks the newest this many matches only: ranking every match of two common words reads every
	 * matching document (441 ms at a million messages, docs/BENCHMARKS.md).
	 */
	static final int MAX_RANKED = 2000;

	private static final String MATCH = "websearch_to_tsquery('simple', search_fold(:text))";

	private final ThreadQueries threads;

	private final TagQueries tags;

	private final SearchHits hits;

	SearchService(ThreadQueries threads, TagQueries tags, SearchHits hits) {
		this.threads = threads;
		this.tags = tags;
		this.hits = hits;
	}

	/** A page of results, each with why it matched, and the tags proposed beside them. */
	SearchResults search(SearchQuery query, SearchOrder order, @Nullable Cursor before, int size) {
		if (query.isEmpty()) {
			return new SearchResults(new ThreadPage(List.of(), null), List.of(), List.of());
		}
		String prefix = (before == null) ? query.tagPrefix() : null;
		ThreadPage page = page(query, order, before, size);
		return new SearchResults(page, this.hits.explain(query, page.threads()),
				(prefix != null) ? this.tags.startingWith(prefix, TAG_SUGGESTIONS) : List.of());
	}

	/** The newest threads matching, for the feed: no passages. */
	ThreadPage newest(SearchQuery query, int size) {
		return query.isEmpty() ? new ThreadPage(List.of(), null) : page(query, SearchOrder.NEWEST, null, size);
	}

	private ThreadPage page(SearchQuery query, SearchOrder order, @Nullable Cursor before, int size) {
		Map<String, Object> params = new HashMap<>();
		StringBuilder where = new StringBuilder("true");
		if (query.hasText()) {
			where.append(" and s.document @@ ").append(MATCH);
			params.put("text", query.text());
		}
		for (int i = 0; i < query.tagKeys().size(); i++) {
			where.append(" and s.thread_id in (select tt.thread_id from thread_tags tt join tags g on g.id = tt.tag_id"
					+ " where g.key = :tag").append(i).append(')');
			params.put("tag" + i, query.tagKeys().get(i));
		}
		for (int i = 0; i < query.logins().size(); i++) {
			where.append(" and exists (select 1 from messages m join accounts a on a.id = m.author_id"
					+ " where m.id = s.thread_id and lower(a.login) = lower(:login").append(i).append("))");
			params.put("login" + i, query.logins().get(i));
		}
		for (int i = 0; i < query.urlKeys().size(); i++) {
			where.append(" and s.thread_id in (select coalesce(m.thread_id, m.id) from links l"
					+ " join message_links ml on ml.link_id = l.id join messages m on m.id = ml.message_id"
					+ " where l.normalized_hash = sha256(convert_to(:url").append(i)
				.append(", 'UTF8')) and m.deleted_at is null)");
			params.put("url" + i, query.urlKeys().get(i));
		}
		String sql;
		if (order == SearchOrder.RELEVANCE && query.hasText()) {
			// The rank, scaled to an integer, stands in for the time of the keyset cursor.
			params.put("ranked", MAX_RANKED);
			sql = """
					select thread_id, sort_time, null::text as starred_by from (
					    select s.thread_id, timestamptz 'epoch'
					        + cast(ts_rank(s.document, %s) * 1000000 as bigint) * interval '1 microsecond' as sort_time
					    from (select s.thread_id, s.document from thread_search s where %s
					          order by s.published_at desc, s.thread_id desc limit :ranked) s
					) ranked
					where true %s
					order by sort_time desc, thread_id desc limit :limit
					""".formatted(MATCH, where, ThreadQueries.keyset(before, "sort_time", "thread_id"));
		}
		else {
			sql = """
					select s.thread_id, s.published_at as sort_time, null::text as starred_by from thread_search s
					where %s %s
					order by s.published_at desc, s.thread_id desc limit :limit
					""".formatted(where, ThreadQueries.keyset(before, "s.published_at", "s.thread_id"));
		}
		return this.threads.selected(sql, params, before, size);
	}

}
