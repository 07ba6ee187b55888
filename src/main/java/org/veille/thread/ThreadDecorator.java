package org.veille.thread;

import java.sql.Array;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.veille.database.Timestamps;
import org.veille.markup.RenderedMessage;
import org.veille.markup.TagKeys;
import org.veille.pagecache.ChangeStamps;
import org.veille.pagecache.KeptData;
import org.veille.pagecache.PageKeys;
import org.veille.thread.ThreadQueries.ThreadRow;

/**
 * Completes a page of thread rows with their tags, links and rendered text, in one query per kind
 * for the whole page, never one per thread.
 */
@Component
class ThreadDecorator {

	private final JdbcClient jdbc;

	private final RenderedBodies bodies;

	/** Each message's tags and links, by its id. */
	private final KeptData<Long, CardData> kept;

	private final ChangeStamps stamps;

	private final Clock clock;

	/** veille.limits.new-account-age (README: Moderation): links of younger accounts are not followed. */
	private final Duration newAccountAge;

	ThreadDecorator(JdbcClient jdbc, RenderedBodies bodies, ChangeStamps stamps, Clock clock,
			@Value("${veille.limits.new-account-age:7d}") Duration newAccountAge) {
		this.jdbc = jdbc;
		this.bodies = bodies;
		this.stamps = stamps;
		this.kept = stamps.keeping(CardData.MAX_WEIGHT, CardData::weight);
		this.clock = clock;
		this.newAccountAge = newAccountAge;
	}

	List<ThreadSummary> decorate(List<ThreadRow> rows) {
		if (rows.isEmpty()) {
			return List.of();
		}
		Map<Long, List<TagChip>> tags = new HashMap<>();
		Map<Long, List<LinkCard>> links = new HashMap<>();
		long stamp = this.stamps.take();
		List<ThreadRow> missing = new ArrayList<>();
		for (ThreadRow row : rows) {
			CardData data = this.kept.get(row.id(), stamp);
			if (data == null) {
				missing.add(row);
			}
			else {
				tags.put(row.id(), data.tags());
				links.put(row.id(), data.links());
			}
		}
		if (!missing.isEmpty()) {
			read(missing, tags, links);
			for (ThreadRow row : missing) {
				CardData data = new CardData(tags.getOrDefault(row.id(), List.of()),
						links.getOrDefault(row.id(), List.of()));
				this.kept.keep(row.id(), stamp, data.keys(row.threadId()), data);
			}
		}
		showing(rows, tags, links);
		Set<String> knownLogins = knownLogins(rows);
		String language = LocaleContextHolder.getLocale().getLanguage();
		Instant trustedBefore = this.clock.instant().minus(this.newAccountAge);
		return rows.stream().map((row) -> {
			RenderedMessage rendered = this.bodies.render(row.body(), language, knownLogins,
					row.authorSince().isBefore(trustedBefore));
			List<TagChip> all = tags.getOrDefault(row.id(), List.of());
			List<LinkCard> cards = links.getOrDefault(row.id(), List.of())
				.stream()
				.map((card) -> card.withoutTopics(all))
				.toList();
			return new ThreadSummary(row.id(), row.threadId(), row.uuid(), row.title(), rendered.html(), row.login(),
					row.displayName(), row.createdAt(), row.updatedAt(), all, notLinked(all, rendered), cards,
					row.replyCount(), row.starCount(), row.starredBy(), row.sortTime());
		}).toList();
	}

	/** The tags and links of these messages, from the database, into the maps by message id. */
	private void read(List<ThreadRow> rows, Map<Long, List<TagChip>> tags, Map<Long, List<LinkCard>> links) {
		Long[] ids = rows.stream().map(ThreadRow::id).toArray(Long[]::new);
		Long[] threads = rows.stream().filter((row) -> !row.isReply()).map(ThreadRow::id).toArray(Long[]::new);
		Long[] replies = rows.stream().filter(ThreadRow::isReply).map(ThreadRow::id).toArray(Long[]::new);
		// A first message shows the tags of its whole thread: its own in the order typed, then those
		// that only replies brought, in the order they came. A reply shows its own. The ids are unnested rather
		// than matched with "= any": PostgreSQL then keeps one plan for the statement instead of planning it again
		// at every page, as it did for a small database (half a millisecond of its CPU a tag page, issue 16).
		this.jdbc.sql("""
				select tt.thread_id as message_id, t.key, t.display, coalesce(mt.position, 2147483647) as position,
				       tt.published_at
				from unnest(cast(:threads as bigint[])) as shown(id)
				join thread_tags tt on tt.thread_id = shown.id
				join tags t on t.id = tt.tag_id
				left join message_tags mt on mt.message_id = tt.thread_id and mt.tag_id = tt.tag_id
				union all
				select mt.message_id, t.key, t.display, mt.position, null
				from unnest(cast(:replies as bigint[])) as shown(id)
				join message_tags mt on mt.message_id = shown.id
				join tags t on t.id = mt.tag_id
				order by message_id, position, published_at, key
				""").param("threads", threads).param("replies", replies).query((rs) -> {
			tags.computeIfAbsent(rs.getLong(1), (id) -> new ArrayList<>())
				.add(new TagChip(rs.getString(2), rs.getString(3)));
		});
		this.jdbc.sql("""
				select ml.message_id, l.id, l.url, l.host, l.final_url, coalesce(g.given_title, l.title) as title,
				       l.description, l.site_name,
				       l.thumbnail_id, l.fetch_status, l.failure_reason, l.failure_detail, l.thumbnail_failure,
				       l.gone_since, j.not_before as next_attempt, l.topics
				from message_links ml join links l on l.id = ml.link_id
				left join message_link_titles g on g.message_id = ml.message_id and g.link_id = ml.link_id
				left join link_fetch_jobs j on j.link_id = ml.link_id
				where ml.message_id = any(:ids) order by ml.message_id, ml.position
				""").param("ids", ids).query((rs) -> {
			links.computeIfAbsent(rs.getLong(1), (id) -> new ArrayList<>())
				.add(new LinkCard(rs.getLong("id"), rs.getString("url"), rs.getString("host"),
						rs.getString("final_url"), rs.getString("title"), rs.getString("description"),
						rs.getString("site_name"), rs.getObject("thumbnail_id", Long.class),
						rs.getString("fetch_status"), rs.getString("failure_reason"), rs.getString("failure_detail"),
						rs.getString("thumbnail_failure"), Timestamps.readNullable(rs, "gone_since"),
						Timestamps.readNullable(rs, "next_attempt"), topics(rs.getArray("topics"))));
		});
	}

	/** Tells the page cache what these cards show: their threads, the tags they name, their links. */
	private static void showing(List<ThreadRow> rows, Map<Long, List<TagChip>> tags, Map<Long, List<LinkCard>> links) {
		PageKeys page = PageKeys.current();
		if (page == null) {
			return;
		}
		for (ThreadRow row : rows) {
			CardData.tell(page, row.threadId(), tags.getOrDefault(row.id(), List.of()),
					links.getOrDefault(row.id(), List.of()));
		}
	}

	/**
	 * The tags a card shows as chips: those its text does not link already (brought by replies, a
	 * multilingual label in another language than the reader's, or an edit elsewhere), so each tag shows once.
	 */
	private static List<TagChip> notLinked(List<TagChip> tags, RenderedMessage rendered) {
		if (rendered.linkedTags().isEmpty()) {
			return tags;
		}
		return tags.stream().filter((tag) -> !rendered.linkedTags().contains(tag.key())).toList();
	}

	/** A page's declared topics as chips (display forms, folded to their keys here). */
	private static List<TagChip> topics(@Nullable Array topics) throws SQLException {
		if (topics == null) {
			return List.of();
		}
		return Stream.of((String[]) topics.getArray()).map((display) -> new TagChip(TagKeys.fold(display), display)).toList();
	}

	/** Which of the logins mentioned on the page exist, lower-cased, so mentions link only to real people. */
	private Set<String> knownLogins(List<ThreadRow> rows) {
		Set<String> mentioned = new HashSet<>();
		for (ThreadRow row : rows) {
			mentioned.addAll(this.bodies.mentions(row.body()));
		}
		if (mentioned.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(this.jdbc.sql("select lower(login) from accounts where lower(login) = any(:logins)")
			.param("logins", mentioned.toArray(String[]::new))
			.query(String.class)
			.list());
	}

}
