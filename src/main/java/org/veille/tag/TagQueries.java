package org.veille.tag;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import org.veille.database.PageReads;
import org.veille.database.Timestamps;
import org.veille.pagecache.ChangeStamps;
import org.veille.pagecache.KeptData;
import org.veille.pagecache.PageKeys;
import org.veille.thread.TagRange;
import org.veille.web.Cursor;
import org.veille.web.HeapShare;

@Repository
@PageReads
public class TagQueries {

	/** A prefix such as {@code /tag/a*} can match many tags: a page lists the threads of the most used ones. */
	static final int MAX_TAGS_PER_PAGE = 500;

	/** Children and tags starting alike are chosen among this many keys, in key order. */
	static final int NEIGHBOUR_SCAN = 1000;

	/** Related tags are counted over this many of the tag's latest threads. */
	static final int RELATED_SCAN = 500;

	/** How many children, tags starting alike and related tags a tag page shows, each. */
	static final int NEIGHBOURS_SHOWN = 20;

	/** A 128th of the heap (4 MB of 512) of kept neighbours: a few kilobytes a tag page, a thousand tags or so. */
	private static final long KEPT_NEIGHBOURS_WEIGHT = HeapShare.of(128);

	/** The index's filter box proposes the most used among this many keys starting so. */
	static final int INDEX_SCAN = 2000;

	/** Trending tags are counted over at most this many of the latest threads. */
	static final int TRENDING_SCAN = 5000;

	private final JdbcClient jdbc;

	private final RelatedTags related;

	private final ChangeStamps stamps;

	/** Each tag page's neighbours, by the page's key. */
	private final KeptData<String, TagNeighbours> kept;

	TagQueries(JdbcClient jdbc, RelatedTags related, ChangeStamps stamps) {
		this.jdbc = jdbc;
		this.related = related;
		this.stamps = stamps;
		this.kept = stamps.keeping(KEPT_NEIGHBOURS_WEIGHT, TagNeighbours::weight);
	}

	Optional<TagView> findByKey(String key) {
		return this.jdbc.sql("select id, key, display, thread_count, changed_at from tags where key = :key")
			.param("key", key)
			.query((rs, rowNum) -> new TagView(rs.getLong("id"), rs.getString("key"), rs.getString("display"),
					rs.getInt("thread_count"), Timestamps.read(rs, "changed_at")))
			.optional();
	}

	/**
	 * The tags whose threads a tree or prefix page lists, read by the page's statement itself: the tag and its
	 * descendants ({@code key/…}), or every tag starting with its letters, the most used first.
	 */
	static TagRange range(TagPath path) {
		String prefix = (path.scope() == TagPath.Scope.TREE) ? path.key() + "/" : path.key();
		return new TagRange(path.key(), prefix, MAX_TAGS_PER_PAGE);
	}

	/** Whether a page whose own tag does not exist lists any tag: a tree's descendants, a prefix's tags. */
	boolean listsAny(TagPath path) {
		if (path.scope() == TagPath.Scope.EXACT) {
			return false;
		}
		TagRange range = range(path);
		return this.jdbc.sql("select exists (select 1 from tags where key ~>=~ :prefix and key ~<~ :prefixEnd)")
			.param("prefix", range.prefix())
			.param("prefixEnd", range.prefixEnd())
			.query(Boolean.class)
			.single();
	}

	/**
	 * The tag's display name (when it exists) and when the newest of the tags a path names last gained or
	 * changed a thread, for conditional GETs: one statement reading only the key index (it covers
	 * {@code changed_at}), so that a feed reader's 304 costs a fraction of a millisecond. Empty when no tag
	 * matches. With more than {@link #MAX_TAGS_PER_PAGE} tags this also counts tags the feed leaves out,
	 * which can only make the validator change more often than needed, never too rarely.
	 */
	Optional<TagStamp> stamp(String key, TagPath.Scope scope) {
		String prefix = (scope == TagPath.Scope.TREE) ? key + "/" : key;
		String matching = (scope == TagPath.Scope.EXACT) ? "select changed_at from tags where key = :key"
				: "select changed_at from tags where key = :key union all "
						+ "select changed_at from tags where key ~>=~ :prefix and key ~<~ :prefixEnd";
		return this.jdbc.sql("""
				select display, changed_at from (
				    select (select display from tags where key = :key) as display,
				           (select max(changed_at) from (%s) m) as changed_at) s
				where changed_at is not null
				""".formatted(matching))
			.param("key", key)
			.param("prefix", prefix)
			.param("prefixEnd", prefix + TagRange.LAST_CHARACTER)
			.query((rs, rowNum) -> new TagStamp(rs.getString("display"), Timestamps.read(rs, "changed_at")))
			.optional();
	}

	/**
	 * The tag's parent chain, its most used children, the most used other tags starting with its letters and
	 * the tags most often found with it in its latest threads, in one statement. Each part is bounded: children
	 * and tags starting alike are the most used among the first {@link #NEIGHBOUR_SCAN} keys in key order, and
	 * related tags are counted over the tag's latest {@link #RELATED_SCAN} threads (see docs/architecture.md).
	 * Related tags are counted once per version of the tag's row ({@link RelatedTags}); the statement leaves
	 * them out when they are known. The whole is kept until a change to the tag page's keys (its row, its
	 * parents', any tag starting with its letters: what a kept tag page is dropped by) or to a related tag's
	 * display form is announced: the statement was a third of PostgreSQL's time in a popular tree's first render
	 * at 1,000,000 messages (its 414 children read from the key index, issue 16).
	 */
	TagNeighbours neighbours(String key, @Nullable TagView tag) {
		long stamp = this.stamps.take();
		TagNeighbours kept = this.kept.get(key, stamp);
		if (kept != null) {
			return kept;
		}
		TagNeighbours neighbours = readNeighbours(key, tag);
		PageKeys shown = ChangeStamps.keys().tagPage(key);
		neighbours.related().forEach((link) -> shown.tagShown(link.key()));
		this.kept.keep(key, stamp, shown, neighbours);
		return neighbours;
	}

	private TagNeighbours readNeighbours(String key, @Nullable TagView tag) {
		List<String> ancestors = new ArrayList<>();
		for (int slash = key.indexOf('/'); slash > 0; slash = key.indexOf('/', slash + 1)) {
			ancestors.add(key.substring(0, slash));
		}
		String children = key + "/";
		List<TagLink> parents = new ArrayList<>();
		List<TagLink> childTags = new ArrayList<>();
		List<TagLink> alike = new ArrayList<>();
		List<TagLink> counted = new ArrayList<>();
		@Nullable List<TagLink> known = (tag != null) ? this.related.known(tag) : List.of();
		// Children and tags starting alike are chosen on tags_key_prefix_idx alone (it covers thread_count), and
		// only the shown ones are read from the table for their display form: the popular tree at 1M messages has
		// 414 children, each on its own page of the table. Tags starting alike are read on both sides of the
		// children's keys, not through them (414 index entries read a second time and dropped).
		this.jdbc.sql("""
				(select 'parent' as kind, key, display, thread_count as n from tags where key = any(:ancestors)
				 order by length(key))
				union all
				(select 'child', t.key, t.display, c.thread_count from (
				     select key, thread_count from (
				         select key, thread_count from tags
				         where key ~>=~ :children and key ~<~ :childrenEnd and strpos(substr(key, :childStart), '/') = 0
				           and thread_count > 0
				         order by key using ~<~ limit :scan) c
				     order by thread_count desc, key limit :shown) c
				 join tags t on t.key = c.key
				 order by c.thread_count desc, c.key)
				union all
				(select 'alike', t.key, t.display, a.thread_count from (
				     select key, thread_count from (
				         (select key, thread_count from tags
				          where key ~>~ :key and key ~<~ :children and thread_count > 0
				          order by key using ~<~ limit :scan)
				         union all
				         (select key, thread_count from tags
				          where key ~>=~ :childrenEnd and key ~<~ :keyEnd and thread_count > 0
				          order by key using ~<~ limit :scan)
				         order by key using ~<~ limit :scan) a
				     order by thread_count desc, key limit :shown) a
				 join tags t on t.key = a.key
				 order by a.thread_count desc, a.key)
				union all
				(select 'related', g.key, g.display, r.n from (
				     select tt.tag_id, cast(count(*) as integer) as n from (
				         select thread_id from thread_tags where tag_id = :tag
				         order by published_at desc, thread_id desc limit :recent) latest
				     join thread_tags tt on tt.thread_id = latest.thread_id and tt.tag_id <> :tag
				     group by tt.tag_id
				     order by count(*) desc, tt.tag_id limit :shown) r
				 join tags g on g.id = r.tag_id
				 order by r.n desc, g.key)
				""")
			.param("ancestors", ancestors.toArray(String[]::new))
			.param("key", key)
			.param("keyEnd", key + TagRange.LAST_CHARACTER)
			.param("children", children)
			.param("childrenEnd", children + TagRange.LAST_CHARACTER)
			.param("childStart", children.length() + 1)
			.param("scan", NEIGHBOUR_SCAN)
			.param("shown", NEIGHBOURS_SHOWN)
			// No tag, or its related tags known: the last part reads one index page and finds nothing.
			.param("tag", (tag != null && known == null) ? tag.id() : -1L)
			.param("recent", RELATED_SCAN)
			.query((rs) -> {
				TagLink link = new TagLink(rs.getString("key"), rs.getString("display"), rs.getInt("n"));
				switch (rs.getString("kind")) {
					case "parent" -> parents.add(link);
					case "child" -> childTags.add(link);
					case "alike" -> alike.add(link);
					default -> counted.add(link);
				}
			});
		List<TagLink> related = (known != null) ? known : counted;
		if (tag != null && known == null) {
			this.related.counted(tag, related);
		}
		return new TagNeighbours(parents, childTags, alike, related);
	}

	/** The most used tags, by keyset on (thread count, id); the token of the next page holds both. */
	TagIndexPage mostUsed(@Nullable Cursor before, int size) {
		String keyset = (before != null) ? "and (thread_count, id) < (:count, :id)" : "";
		List<long[]> ids = new ArrayList<>();
		List<TagLink> tags = new ArrayList<>();
		var statement = this.jdbc.sql("""
				select id, key, display, thread_count from tags where thread_count > 0 %s
				order by thread_count desc, id desc limit :limit
				""".formatted(keyset)).param("limit", size + 1);
		if (before != null) {
			statement = statement.param("count", ChronoUnit.MICROS.between(Instant.EPOCH, before.time()))
				.param("id", before.id());
		}
		statement.query((rs) -> {
			ids.add(new long[] { rs.getInt("thread_count"), rs.getLong("id") });
			tags.add(new TagLink(rs.getString("key"), rs.getString("display"), rs.getInt("thread_count")));
		});
		String next = null;
		if (tags.size() > size) {
			tags.remove(size);
			long[] last = ids.get(size - 1);
			next = new Cursor(Instant.EPOCH.plus(last[0], ChronoUnit.MICROS), last[1]).token();
		}
		return new TagIndexPage(tags, next);
	}

	/** The most used tags starting with these letters: the most used among the first keys in key order. */
	public List<TagLink> startingWith(String prefix, int size) {
		return this.jdbc.sql("""
				select key, display, thread_count from (
				    select key, display, thread_count from tags
				    where key ~>=~ :prefix and key ~<~ :prefixEnd and thread_count > 0
				    order by key using ~<~ limit :scan) c
				order by thread_count desc, key limit :limit
				""")
			.param("prefix", prefix)
			.param("prefixEnd", prefix + TagRange.LAST_CHARACTER)
			.param("scan", INDEX_SCAN)
			.param("limit", size)
			.query((rs, rowNum) -> new TagLink(rs.getString("key"), rs.getString("display"), rs.getInt("thread_count")))
			.list();
	}

	/**
	 * The tags most carried by the threads started in the last days, counted over the latest
	 * {@link #TRENDING_SCAN} of those threads.
	 */
	List<TagLink> trending(Instant since, int size) {
		return this.jdbc.sql("""
				select g.key, g.display, cast(count(*) as integer) as n from (
				    select id from messages where thread_id is null and deleted_at is null and created_at >= :since
				    order by created_at desc, id desc limit :scan) latest
				join thread_tags tt on tt.thread_id = latest.id
				join tags g on g.id = tt.tag_id
				group by g.id, g.key, g.display, g.thread_count
				order by count(*) desc, g.thread_count desc, g.key limit :limit
				""")
			.param("since", Timestamps.of(since))
			.param("scan", TRENDING_SCAN)
			.param("limit", size)
			.query((rs, rowNum) -> new TagLink(rs.getString("key"), rs.getString("display"), rs.getInt("n")))
			.list();
	}

}
