package org.veille.tag;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import org.veille.database.Timestamps;

/**
 * The tags of a thread (DESIGN §4): those of its first message and of all its live replies, in
 * {@code thread_tags}, with each tag's {@code thread_count} kept right. The hashtags of replies from other
 * servers join them too when the site allows it ({@code remote_reply_tags}, written by the federation package),
 * except while their author is suspended. A thread is listed under a
 * tag from the time the tag came to it: its start, or the first reply that brought the tag.
 */
@Component
public class ThreadTags {

	private final JdbcClient jdbc;

	private final TagRowWrites rowWrites;

	ThreadTags(JdbcClient jdbc, TagRowWrites rowWrites) {
		this.jdbc = jdbc;
		this.rowWrites = rowWrites;
	}

	/** A new message of the thread (its first, or a reply) brought these tags at this time. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void add(long threadId, List<Long> tagIds, Instant at) {
		addAll(List.of(new Brought(threadId, tagIds, at)));
	}

	/** Tags a new message brought to its thread at this time. */
	public record Brought(long threadId, List<Long> tagIds, Instant at) {
	}

	/**
	 * The same for many messages in one statement (an import's batch): a tag new to a thread lists the
	 * thread from the first time it came, and counts the thread once.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void addAll(List<Brought> messages) {
		List<Long> tags = new ArrayList<>();
		List<Long> threads = new ArrayList<>();
		List<Instant> ats = new ArrayList<>();
		for (Brought message : messages) {
			for (Long tagId : message.tagIds()) {
				tags.add(tagId);
				threads.add(message.threadId());
				ats.add(message.at());
			}
		}
		if (tags.isEmpty()) {
			return;
		}
		// The counters are written at the commit: a popular tag's row is locked only while it commits.
		this.jdbc.sql("""
				with brought as (
				    select tag_id, thread_id, min(at) as at
				    from unnest(cast(:tags as bigint[]), cast(:threads as bigint[]), cast(:ats as timestamptz[]))
				        as b(tag_id, thread_id, at)
				    group by tag_id, thread_id)
				insert into thread_tags (tag_id, thread_id, published_at)
				select tag_id, thread_id, at from brought order by tag_id, thread_id
				on conflict do nothing
				returning tag_id, published_at
				""")
			.param("tags", tags.toArray(Long[]::new))
			.param("threads", threads.toArray(Long[]::new))
			.param("ats", Timestamps.array(ats))
			.query((rs) -> {
				this.rowWrites.threadListed(rs.getLong("tag_id"), Timestamps.read(rs, "published_at"));
			});
	}

	/**
	 * Derives the thread's tags again from its live messages after an edit or a deletion: tags no
	 * message carries any more leave the thread, tags new to it join it, counters follow. A deleted
	 * thread keeps no tag.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void recompute(long threadId, Instant now) {
		this.jdbc.sql("""
				with wanted as (
				    select tag_id, min(since) as since from (
				        select mt.tag_id, m.created_at as since
				        from messages t
				        join messages m on (m.id = t.id or m.thread_id = t.id) and m.deleted_at is null
				        join message_tags mt on mt.message_id = m.id
				        where t.id = :thread and t.deleted_at is null
				        union all
				        -- The hashtags of replies from other servers, when the site lets them join (docs/federation.md).
				        select rt.tag_id, rt.joined_at
				        from messages t
				        join remote_replies rr on rr.thread_id = t.id
				        join remote_reply_tags rt on rt.remote_reply_id = rr.id
				        join remote_actors a on a.id = rr.remote_actor_id
				        where t.id = :thread and t.deleted_at is null
				          -- Not while its author is suspended here (federation_account_suspensions_pk).
				          and not exists (select from federation_account_suspensions s where s.actor in (a.uri, lower(a.handle)))
				        ) brought
				    group by tag_id),
				removed as (
				    delete from thread_tags tt
				    where tt.thread_id = :thread and not exists (select 1 from wanted w where w.tag_id = tt.tag_id)
				    returning tt.tag_id),
				kept as (
				    insert into thread_tags (tag_id, thread_id, published_at)
				    select tag_id, :thread, since from wanted
				    on conflict (tag_id, thread_id) do update set published_at = excluded.published_at
				    where thread_tags.published_at <> excluded.published_at
				    returning tag_id, (xmax = 0) as inserted)
				update tags t set
				    thread_count = t.thread_count
				        + (select count(*) from kept k where k.tag_id = t.id and k.inserted)
				        - (select count(*) from removed r where r.tag_id = t.id),
				    changed_at = greatest(t.changed_at, :now)
				where t.id in (select tag_id from removed union select tag_id from kept)
				""").param("thread", threadId).param("now", Timestamps.of(now)).update();
	}

}
