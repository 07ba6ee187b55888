package org.veille.thread;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import org.veille.database.Timestamps;
import org.veille.link.SiteKeys;

/**
 * Keeps {@code thread_sources}, the table behind the home stream: one row per reason a live thread
 * may enter someone's stream, each carrying the thread's activity. Called inside the transaction
 * that changes the thread, after the thread's first message is locked.
 */
@Component
public class ThreadSources {

	/** The reasons, as stored in {@code thread_sources.kind}. */
	public enum Kind {

		AUTHOR, STARRER, TAG, SITE, MENTION, REPLIER;

		String column() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	private final JdbcClient jdbc;

	ThreadSources(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Locks a live thread's first message until the end of the transaction, so that the changes to
	 * one thread happen one after the other; returns its author, or empty when there is no such
	 * live thread.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Optional<Long> lock(long threadId) {
		return this.jdbc.sql("""
				select author_id from messages where id = :thread and thread_id is null and deleted_at is null
				for update
				""").param("thread", threadId).query(Long.class).optional();
	}

	/** Adds reasons to a live thread, at the thread's current activity. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void add(long threadId, Kind kind, Collection<?> keys) {
		Reasons reasons = new Reasons();
		reasons.add(threadId, kind, keys);
		add(reasons);
	}

	/** Adds the sites of these URLs to a live thread. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void addSites(long threadId, Collection<String> urls) {
		Reasons reasons = new Reasons();
		reasons.addSites(threadId, urls);
		add(reasons);
	}

	/** Adds the reasons of many live threads in one statement (an import's batch), at each thread's activity. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void add(Reasons reasons) {
		if (reasons.threads.isEmpty()) {
			return;
		}
		this.jdbc.sql("""
				with live as (
				    select id, author_id, activity_at from messages
				    where id = any(cast(:distinct as bigint[])) and deleted_at is null)
				insert into thread_sources (kind, key, thread_id, author_id, activity_at)
				select r.kind, r.key, m.id, m.author_id, m.activity_at
				from unnest(cast(:kinds as text[]), cast(:keys as text[]), cast(:threads as bigint[])) as r(kind, key, thread)
				join live m on m.id = r.thread
				order by r.kind, r.key, r.thread
				on conflict do nothing
				""")
			.param("distinct", reasons.threads.stream().distinct().toArray(Long[]::new))
			.param("kinds", reasons.kinds.toArray(String[]::new))
			.param("keys", reasons.keys.toArray(String[]::new))
			.param("threads", reasons.threads.toArray(Long[]::new))
			.update();
	}

	/** Reasons gathered for {@link #add(Reasons)}: each thread's keys, distinct per kind. */
	public static final class Reasons {

		private final List<String> kinds = new ArrayList<>();

		private final List<String> keys = new ArrayList<>();

		private final List<Long> threads = new ArrayList<>();

		public void add(long threadId, Kind kind, Collection<?> keys) {
			keys.stream().map(String::valueOf).distinct().forEach((key) -> {
				this.kinds.add(kind.column());
				this.keys.add(key);
				this.threads.add(threadId);
			});
		}

		/** The sites of these URLs (see {@link SiteKeys}). */
		public void addSites(long threadId, Collection<String> urls) {
			Set<String> sites = new LinkedHashSet<>();
			for (String url : urls) {
				sites.addAll(SiteKeys.of(url));
			}
			add(threadId, Kind.SITE, sites);
		}

	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void remove(long threadId, Kind kind, Object key) {
		this.jdbc.sql("delete from thread_sources where kind = :kind and key = :key and thread_id = :thread")
			.param("kind", kind.column())
			.param("key", String.valueOf(key))
			.param("thread", threadId)
			.update();
	}

	/** Something happened in the thread at this time: it moves up in every stream it is in. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void touch(long threadId, Instant at) {
		this.jdbc.sql("update messages set activity_at = greatest(activity_at, :at) where id = :thread")
			.param("at", Timestamps.of(at))
			.param("thread", threadId)
			.update();
		this.jdbc.sql("update thread_sources set activity_at = greatest(activity_at, :at) where thread_id = :thread")
			.param("at", Timestamps.of(at))
			.param("thread", threadId)
			.update();
	}

	/**
	 * Derives every reason of a thread again from its first message and live replies, after an edit
	 * or a deletion; a deleted thread keeps none, so it leaves every stream.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void rebuild(long threadId) {
		this.jdbc.sql("delete from thread_sources where thread_id = :thread").param("thread", threadId).update();
		this.jdbc.sql("""
				insert into thread_sources (kind, key, thread_id, author_id, activity_at)
				select source.kind, source.key, t.id, t.author_id, t.activity_at
				from messages t cross join lateral (
				    select 'author' as kind, t.author_id::text as key
				    union select 'starrer', s.account_id::text from stars s where s.thread_id = t.id
				    union select 'tag', tt.tag_id::text from thread_tags tt where tt.thread_id = t.id
				    union select 'replier', r.author_id::text from messages r
				          where r.thread_id = t.id and r.deleted_at is null
				    union select 'mention', mm.account_id::text from message_mentions mm
				          join messages m on m.id = mm.message_id
				          where (m.id = t.id or m.thread_id = t.id) and m.deleted_at is null
				) source
				where t.id = :thread and t.thread_id is null and t.deleted_at is null
				""").param("thread", threadId).update();
		List<String> urls = this.jdbc.sql("""
				select distinct l.url from messages m
				join message_links ml on ml.message_id = m.id join links l on l.id = ml.link_id
				where (m.id = :thread or m.thread_id = :thread) and m.deleted_at is null
				""").param("thread", threadId).query(String.class).list();
		addSites(threadId, urls);
	}

}
