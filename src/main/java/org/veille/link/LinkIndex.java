package org.veille.link;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;

import org.veille.database.Timestamps;
import org.veille.link.fetch.FailureReason;

/**
 * The SQL that stores what a message cites: the link (one row per page, whatever its spelling), the message's
 * link, the site paths it is listed under with the thread's place on them, and a fetch job for a link never
 * fetched. Runs in the caller's transaction: the posting one, or the migration that re-derives old messages.
 */
class LinkIndex {

	private final JdbcClient jdbc;

	/** How far apart new fetch jobs for one host are queued; zero queues them all for now. */
	private final Duration hostSpacing;

	/** Queues every new job for now (the schema of V3's migration has no host slots). */
	LinkIndex(JdbcClient jdbc) {
		this(jdbc, Duration.ZERO);
	}

	LinkIndex(JdbcClient jdbc, Duration hostSpacing) {
		this.jdbc = jdbc;
		this.hostSpacing = hostSpacing;
	}

	/** @return whether a fetch job was queued */
	boolean attach(long messageId, long threadId, Instant threadPublishedAt, List<String> urls) {
		return attach(messageId, threadId, threadPublishedAt, urls, true);
	}

	/** @param enrich whether to queue a fetch for a link never fetched */
	boolean attach(long messageId, long threadId, Instant threadPublishedAt, List<String> urls, boolean enrich) {
		boolean queued = false;
		Set<Long> sitePathIds = new LinkedHashSet<>();
		int position = 0;
		for (String url : urls) {
			Optional<NormalizedUrl> normalized = UrlNormalizer.normalize(url);
			long linkId;
			if (normalized.isPresent()) {
				Map<String, Long> sitePaths = upsertSitePaths(normalized.get());
				sitePathIds.addAll(sitePaths.values());
				Long pageId = normalized.get().isWholeSitePath() ? sitePaths.get(normalized.get().sitePath()) : null;
				linkId = upsertLink(url, normalized.get(), pageId);
				if (enrich) {
					queued |= enqueueIfNeverFetched(linkId);
				}
			}
			else {
				linkId = upsertInvalidLink(url);
			}
			this.jdbc.sql("""
					insert into message_links (message_id, link_id, position) values (:message, :link, :position)
					on conflict do nothing
					""").param("message", messageId).param("link", linkId).param("position", position++).update();
		}
		listUnderSitePaths(threadId, sitePathIds, threadPublishedAt);
		return queued;
	}

	/** Lists the thread on these site paths (those not listing it yet), as published at this time. */
	private void listUnderSitePaths(long threadId, Collection<Long> sitePathIds, Instant published) {
		if (sitePathIds.isEmpty()) {
			return;
		}
		this.jdbc.sql("""
				with added as (
				    insert into site_threads (site_path_id, thread_id, published_at)
				    select id, :thread, :published from unnest(cast(:ids as bigint[])) as id
				    on conflict do nothing
				    returning site_path_id)
				update site_paths s set thread_count = s.thread_count + 1,
				                        changed_at = greatest(s.changed_at, :published)
				from added where s.id = added.site_path_id
				""")
			.param("thread", threadId)
			.param("published", Timestamps.of(published))
			.param("ids", sitePathIds.toArray(Long[]::new))
			.update();
	}

	/** Removes a message's links and recomputes which site paths list its thread, and since when. */
	void detach(long messageId, long threadId) {
		this.jdbc.sql("delete from message_links where message_id = :message").param("message", messageId).update();
		this.jdbc.sql("""
				with removed as (delete from site_threads where thread_id = :thread returning site_path_id)
				update site_paths s set thread_count = s.thread_count - 1 from removed where s.id = removed.site_path_id
				""").param("thread", threadId).update();
		Map<Long, Instant> since = new TreeMap<>();
		this.jdbc.sql("""
				select l.url, m.created_at from messages m
				join message_links ml on ml.message_id = m.id join links l on l.id = ml.link_id
				where (m.id = :thread or m.thread_id = :thread) and m.deleted_at is null
				  and exists (select 1 from messages t where t.id = :thread and t.deleted_at is null)
				order by m.created_at
				""").param("thread", threadId).query((rs) -> {
			Instant citedAt = Timestamps.read(rs, "created_at");
			UrlNormalizer.normalize(rs.getString("url"))
				.ifPresent((url) -> upsertSitePaths(url).values().forEach((id) -> since.putIfAbsent(id, citedAt)));
		});
		Map<Instant, List<Long>> byTime = new TreeMap<>();
		since.forEach((sitePathId, citedAt) -> byTime.computeIfAbsent(citedAt, (time) -> new ArrayList<>()).add(sitePathId));
		byTime.forEach((citedAt, sitePathIds) -> listUnderSitePaths(threadId, sitePathIds, citedAt));
	}

	/** The ids of the site and the path prefixes of this URL, by path. */
	private Map<String, Long> upsertSitePaths(NormalizedUrl url) {
		List<String> prefixes = url.sitePrefixes();
		List<@Nullable String> parents = new ArrayList<>();
		parents.add(null);
		parents.addAll(prefixes.subList(0, prefixes.size() - 1));
		Map<String, Long> ids = new TreeMap<>();
		this.jdbc.sql("""
				insert into site_paths (host, path, parent_path)
				select :host, p.path, p.parent
				from unnest(cast(:paths as text[]), cast(:parents as text[])) with ordinality as p(path, parent, n)
				order by p.n
				on conflict (host, path) do update set host = excluded.host
				returning id, path
				""")
			.param("host", url.host())
			.param("paths", prefixes.toArray(String[]::new))
			.param("parents", parents.toArray(String[]::new))
			.query((rs) -> {
				ids.put(rs.getString("path"), rs.getLong("id"));
			});
		return ids;
	}

	private long upsertLink(String url, NormalizedUrl normalized, @Nullable Long pageId) {
		return this.jdbc.sql("""
				insert into links (url, host, normalized, normalized_hash, site_path_id)
				values (:url, :host, :key, sha256(convert_to(:key, 'UTF8')), :page)
				on conflict (normalized_hash) do update
				    set site_path_id = coalesce(links.site_path_id, excluded.site_path_id)
				returning id
				""")
			.param("url", url)
			.param("host", normalized.host())
			.param("key", normalized.key())
			.param("page", pageId)
			.query(Long.class)
			.single();
	}

	/** A URL the normalizer refuses (a port out of range, say) is kept, marked as not fetchable. */
	private long upsertInvalidLink(String url) {
		return this.jdbc.sql("""
				insert into links (url, host, normalized, normalized_hash, fetch_status, checked_at, failure_reason,
				                   failure_detail)
				values (:url, '', :url, sha256(convert_to(:url, 'UTF8')), 'failed', now(), :reason,
				        'not a valid http(s) address')
				on conflict (normalized_hash) do update set url = links.url
				returning id
				""").param("url", url).param("reason", FailureReason.BAD_URL.name()).query(Long.class).single();
	}

	/** Queues a fetch of this link unless it was checked or is queued already; @return whether it was queued. */
	boolean enqueueIfNeverFetched(long linkId) {
		if (this.hostSpacing.isZero()) {
			return this.jdbc.sql("""
					insert into link_fetch_jobs (link_id) select id from links where id = :link and checked_at is null
					on conflict do nothing
					""").param("link", linkId).update() > 0;
		}
		// The host's next slot: now when it has had none for a while, else one spacing after the last one.
		return this.jdbc.sql("""
				with link as (
				    select l.id, l.host from links l
				    where l.id = :link and l.checked_at is null
				      and not exists (select 1 from link_fetch_jobs j where j.link_id = l.id)),
				slot as (
				    insert into fetch_host_slots (host, next_at) select host, now() from link
				    on conflict (host) do update
				        set next_at = greatest(fetch_host_slots.next_at + make_interval(secs => :spacing), now())
				    returning next_at)
				insert into link_fetch_jobs (link_id, not_before) select link.id, slot.next_at from link, slot
				on conflict do nothing
				""")
			.param("link", linkId)
			.param("spacing", this.hostSpacing.toMillis() / 1000.0)
			.update() > 0;
	}

}
