package org.veille.tag;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.veille.database.Timestamps;
import org.veille.database.WritesAtCommit;

/**
 * A transaction's writes to its tags' rows and their spellings' counts, made at its commit
 * ({@link WritesAtCommit}): every post carrying a popular tag writes that tag's row, and a row written keeps its
 * lock until the commit. Each tag's row is written once, whatever the transaction did to it: its latest use,
 * its threads counted, its display spelling chosen again when a spelling's count moved.
 */
@Component
class TagRowWrites {

	private final JdbcClient jdbc;

	private final WritesAtCommit.Kind<Pending> kind = new WritesAtCommit.Kind<>(WritesAtCommit.TAGS, Pending::new,
			this::write);

	TagRowWrites(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The tag was used at this time ({@code changed_at} moves up to it). */
	void used(long tagId, Instant at) {
		WritesAtCommit.gather(this.kind, (pending) -> pending.change(tagId).used(at));
	}

	/** The tag lists one more thread, published at this time. */
	void threadListed(long tagId, Instant published) {
		WritesAtCommit.gather(this.kind, (pending) -> pending.change(tagId).threadListed(published));
	}

	/** This spelling of the tag is used this many more (or, negative, fewer) times. */
	void spelled(TagSpelling spelling, int uses) {
		WritesAtCommit.gather(this.kind, (pending) -> {
			pending.spellings.merge(spelling, uses, Integer::sum);
			pending.change(spelling.tagId()).respell = true;
		});
	}

	/** By tag id and spelling, so that two transactions lock rows in one order. */
	private static final class Pending {

		final Map<Long, Change> tags = new TreeMap<>();

		final Map<TagSpelling, Integer> spellings = new TreeMap<>();

		Change change(long tagId) {
			return this.tags.computeIfAbsent(tagId, (id) -> new Change());
		}

	}

	private static final class Change {

		int threads;

		/** The latest use; none is the epoch, which {@code greatest} leaves the row's own. */
		Instant latest = Instant.EPOCH;

		boolean respell;

		void used(Instant at) {
			if (at.isAfter(this.latest)) {
				this.latest = at;
			}
		}

		void threadListed(Instant published) {
			this.threads++;
			used(published);
		}

	}

	private void write(Pending pending) {
		writeSpellings(pending.spellings);
		if (pending.tags.isEmpty()) {
			return;
		}
		List<Long> ids = new ArrayList<>(pending.tags.keySet());
		List<Change> changes = new ArrayList<>(pending.tags.values());
		this.jdbc.sql("""
				update tags t set
				    thread_count = t.thread_count + c.threads,
				    changed_at = greatest(t.changed_at, c.latest),
				    display = case when c.respell
				        then coalesce((select s.display from tag_spellings s where s.tag_id = t.id
				                       order by s.uses desc, s.display limit 1), t.display)
				        else t.display end
				from unnest(cast(:ids as bigint[]), cast(:threads as int[]), cast(:latest as timestamptz[]),
				            cast(:respell as boolean[])) as c(id, threads, latest, respell)
				where t.id = c.id
				""")
			.param("ids", ids.toArray(Long[]::new))
			.param("threads", changes.stream().map((change) -> change.threads).toArray(Integer[]::new))
			.param("latest", Timestamps.array(changes.stream().map((change) -> change.latest).toList()))
			.param("respell", changes.stream().map((change) -> change.respell).toArray(Boolean[]::new))
			.update();
	}

	/** Counts each spelling's uses up or down; a spelling no longer used goes. */
	private void writeSpellings(Map<TagSpelling, Integer> changes) {
		List<TagSpelling> more = new ArrayList<>();
		List<Integer> added = new ArrayList<>();
		List<TagSpelling> fewer = new ArrayList<>();
		List<Integer> removed = new ArrayList<>();
		changes.forEach((spelling, change) -> {
			if (change != 0) {
				(change > 0 ? more : fewer).add(spelling);
				(change > 0 ? added : removed).add(change);
			}
		});
		if (!more.isEmpty()) {
			this.jdbc.sql("""
					insert into tag_spellings (tag_id, display, uses)
					select * from unnest(cast(:tags as bigint[]), cast(:displays as text[]), cast(:uses as int[]))
					on conflict (tag_id, display) do update set uses = tag_spellings.uses + excluded.uses
					""")
				.param("tags", more.stream().map(TagSpelling::tagId).toArray(Long[]::new))
				.param("displays", more.stream().map(TagSpelling::display).toArray(String[]::new))
				.param("uses", added.toArray(Integer[]::new))
				.update();
		}
		if (!fewer.isEmpty()) {
			this.jdbc.sql("""
					update tag_spellings s set uses = greatest(s.uses + c.change, 0)
					from unnest(cast(:tags as bigint[]), cast(:displays as text[]), cast(:changes as int[]))
					    as c(tag_id, display, change)
					where s.tag_id = c.tag_id and s.display = c.display
					""")
				.param("tags", fewer.stream().map(TagSpelling::tagId).toArray(Long[]::new))
				.param("displays", fewer.stream().map(TagSpelling::display).toArray(String[]::new))
				.param("changes", removed.toArray(Integer[]::new))
				.update();
			// Only a spelling counted down can have reached zero.
			this.jdbc.sql("delete from tag_spellings where tag_id = any(:tags) and uses = 0")
				.param("tags", fewer.stream().map(TagSpelling::tagId).distinct().toArray(Long[]::new))
				.update();
		}
	}

}
