package org.veille.search;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.veille.thread.ThreadSummary;

/**
 * Finds why each thread of a page of results matched, in one statement for the whole page: the first of the
 * thread's text, its replies, the pages it cites and its tags that holds the words, and there the passage
 * {@code ts_headline} picks, over the folded text the index holds.
 */
@Component
class SearchHits {

	/**
	 * For each thread, the first place holding all the words, in this order, then the passage there. The thread's
	 * search document tells which of its parts hold them (its text is weight A, its tags B, its replies C, its
	 * cited pages D: {@code ts_filter} keeps one weight), so that only a reply or a page known to match is parsed
	 * again, to find which one. Each place is tried only if the ones before it held nothing: {@code union all}
	 * runs its branches in order and the {@code limit 1} stops at the first row.
	 */
	private static final String HITS = """
			with q as materialized (select websearch_to_tsquery('simple', search_fold(:text)) as query)
			select t.id, hit.found, hit.original, hit.tags,
			       case when hit.found = 'TAG' then null
			            else ts_headline('simple', translate(search_fold(hit.original), :markers, ''), q.query, :options)
			       end as headline
			from messages t join thread_search s on s.thread_id = t.id cross join q
			cross join lateral (
			    select 'TEXT' as found, t.body as original, null::text as tags
			    where ts_filter(s.document, '{a}') @@ q.query
			    union all
			    (select 'REPLY', r.body, null from messages r
			     where ts_filter(s.document, '{c}') @@ q.query
			       and r.thread_id = t.id and r.deleted_at is null
			       and to_tsvector('simple', search_fold(left(r.body, 100000))) @@ q.query
			     order by r.created_at, r.id limit 1)
			    union all
			    (select 'PAGE', concat_ws(' — ', l.title, l.description), null
			     from messages m join message_links ml on ml.message_id = m.id join links l on l.id = ml.link_id
			     where ts_filter(s.document, '{d}') @@ q.query
			       and (m.id = t.id or m.thread_id = t.id) and m.deleted_at is null
			       and to_tsvector('simple', search_fold(coalesce(l.title, '') || ' ' || coalesce(l.description, '')))
			           @@ q.query
			     order by m.created_at, m.id, ml.position limit 1)
			    union all
			    select 'TAG', t.body, matching.tags from (
			        select string_agg('#' || g.display, ' ' order by g.key) as tags
			        from thread_tags tt join tags g on g.id = tt.tag_id
			        where ts_filter(s.document, '{b}') @@ q.query
			          and tt.thread_id = t.id
			          and to_tsvector('simple', search_fold(replace(replace(g.key, '/', ' '), '_', ' '))) @@ q.query
			    ) matching where matching.tags is not null
			    union all
			    select 'THREAD', t.body, null
			    limit 1
			) hit
			where t.id = any(:threads)
			""";

	private final JdbcClient jdbc;

	SearchHits(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The results of a page, in its order, each with why it matched. */
	List<SearchResult> explain(SearchQuery query, List<ThreadSummary> threads) {
		if (threads.isEmpty()) {
			return List.of();
		}
		Long[] ids = threads.stream().map(ThreadSummary::id).toArray(Long[]::new);
		Map<Long, SearchHit> hits = query.hasText() ? matched(query.text(), ids) : opened(query, ids);
		return threads.stream()
			.map((thread) -> new SearchResult(thread,
					hits.getOrDefault(thread.id(), new SearchHit("", SearchHit.Found.FILTER, null))))
			.toList();
	}

	private Map<Long, SearchHit> matched(String text, Long[] ids) {
		Map<Long, SearchHit> hits = new HashMap<>();
		this.jdbc.sql(HITS)
			.param("text", text)
			.param("markers", Passages.MARKERS)
			.param("options", Passages.OPTIONS)
			.param("threads", ids)
			.query((rs) -> {
				SearchHit.Found found = SearchHit.Found.valueOf(rs.getString("found"));
				String original = rs.getString("original");
				String headline = rs.getString("headline");
				String passage = (headline != null) ? Passages.highlighted(original, headline) : Passages.opening(original);
				hits.put(rs.getLong("id"), new SearchHit(passage, found, rs.getString("tags")));
			});
		return hits;
	}

	/** No words to look for (only filters): the opening of each thread's text. */
	private Map<Long, SearchHit> opened(SearchQuery query, Long[] ids) {
		SearchHit.Found found = query.urlKeys().isEmpty() ? SearchHit.Found.FILTER : SearchHit.Found.ADDRESS;
		Map<Long, SearchHit> hits = new HashMap<>();
		this.jdbc.sql("select id, body from messages where id = any(:threads)").param("threads", ids).query((rs) -> {
			hits.put(rs.getLong("id"), new SearchHit(Passages.opening(rs.getString("body")), found, null));
		});
		return hits;
	}

}
