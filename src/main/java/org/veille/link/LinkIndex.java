package org.veille.link;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
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

	/** Counters and slots shared with everyone citing the same site, written at the commit. */
	private final LinkRowWrites rowWrites;

	/** Queues every new job for now (the schema of V3's migration has no host slots). */
	LinkIndex(JdbcClient jdbc) {
		this(jdbc, Duration.ZERO);
	}

	LinkIndex(JdbcClient jdbc, Duration hostSpacing) {
		this.jdbc = jdbc;
		this.hostSpacing = hostSpacing;
		this.rowWrites = new LinkRowWrites(jdbc, hostSpacing);
	}

	/** @return whether a fetch job was queued */
	boolean attach(long messageId, long threadId, Instant threadPublishedAt, List<String> urls) {
		return attach(messageId, threadId, threadPublishedAt, urls, true);
	}

	/** @param enrich whether to queue a fetch for a link never fetched */
	boolean attach(long messageId, long threadId, Instant threadPublishedAt, List<String> urls, boolean enrich) {
		return attachAll(List.of(new Citing(messageId, threadId, threadPublishedAt, urls)), enrich);
	}

	/**
	 * The same for many messages in a few statements whatever their number (an import's batch): the site
	 * paths of all their URLs in one, the links in one (the first spelling of a page is kept), the messages'
	 * links in one, their threads' places on the site paths in one; fetch jobs in the messages' order.
	 * @return whether a fetch job was queued
	 */
	boolean attachAll(List<Citing> messages, boolean enrich) {
		Map<SiteKey, @Nullable String> wantedPaths = new TreeMap<>();
		Map<String, String> firstSpelling = new LinkedHashMap<>();
		Map<String, NormalizedUrl> normalizedByKey = new HashMap<>();
		Set<String> invalid = new LinkedHashSet<>();
		Map<String, Optional<NormalizedUrl>> normalizedByUrl = new HashMap<>();
		for (Citing message : messages) {
			for (String url : message.urls()) {
				Optional<NormalizedUrl> normalized = normalizedByUrl.computeIfAbsent(url, UrlNormalizer::normalize);
				if (normalized.isPresent()) {
					NormalizedUrl page = normalized.get();
					@Nullable String parent = null;
					for (String path : page.sitePrefixes()) {
						wantedPaths.putIfAbsent(new SiteKey(page.host(), path), parent);
						parent = path;
					}
					firstSpelling.putIfAbsent(page.key(), url);
					normalizedByKey.putIfAbsent(page.key(), page);
				}
				else {
					invalid.add(url);
				}
			}
		}
		Map<SiteKey, Long> sitePathIds = upsertSitePaths(wantedPaths);
		Map<String, Long> linkIds = upsertLinks(firstSpelling, normalizedByKey, sitePathIds);
		linkIds.putAll(upsertInvalidLinks(invalid));
		List<Long> rowMessages = new ArrayList<>();
		List<Long> rowLinks = new ArrayList<>();
		List<Integer> rowPositions = new ArrayList<>();
		List<Listing> listings = new ArrayList<>();
		List<Long> toFetch = new ArrayList<>();
		for (Citing message : messages) {
			Set<Long> sitePaths = new LinkedHashSet<>();
			int position = 0;
			for (String url : message.urls()) {
				Optional<NormalizedUrl> normalized = normalizedByUrl.get(url);
				long linkId;
				if (normalized.isPresent()) {
					NormalizedUrl page = normalized.get();
					page.sitePrefixes().forEach((path) -> sitePaths.add(sitePathIds.get(new SiteKey(page.host(), path))));
					linkId = linkIds.get(page.key());
					toFetch.add(linkId);
				}
				else {
					linkId = linkIds.get(url);
				}
				rowMessages.add(message.messageId());
				rowLinks.add(linkId);
				rowPositions.add(position++);
			}
			listings.add(new Listing(message.threadId(), sitePaths, message.threadPublishedAt()));
		}
		boolean queued = false;
		if (enrich) {
			for (long linkId : toFetch) {
				queued |= enqueueIfNeverFetched(linkId);
			}
		}
		if (!rowMessages.isEmpty()) {
			this.jdbc.sql("""
					insert into message_links (message_id, link_id, position)
					select * from unnest(cast(:messages as bigint[]), cast(:links as bigint[]), cast(:positions as int[]))
					on conflict do nothing
					""")
				.param("messages", rowMessages.toArray(Long[]::new))
				.param("links", rowLinks.toArray(Long[]::new))
				.param("positions", rowPositions.toArray(Integer[]::new))
				.update();
		}
		listUnderSitePaths(listings);
		return queued;
	}

	/** A message citing URLs, in the thread published at this time. */
	record Citing(long messageId, long threadId, Instant threadPublishedAt, List<String> urls) {
	}

	/** A thread to list on site paths from this time. */
	private record Listing(long threadId, Collection<Long> sitePathIds, Instant published) {
	}

	/** A site path, ordered so that a batch locks its rows in one order. */
	private record SiteKey(String host, String path) implements Comparable<SiteKey> {

		@Override
		public int compareTo(SiteKey other) {
			int byHost = this.host.compareTo(other.host);
			return (byHost != 0) ? byHost : this.path.compareTo(other.path);
		}

	}

	/** Lists the thread on these site paths (those not listing it yet), as published at this time. */
	private void listUnderSitePaths(long threadId, Collection<Long> sitePathIds, Instant published) {
		listUnderSitePaths(List.of(new Listing(threadId, sitePathIds, published)));
	}

	/**
	 * Lists threads on site paths (those not listing them yet) in one statement; each site path counts each
	 * new thread once.
	 */
	private void listUnderSitePaths(List<Listing> listings) {
		List<Long> ids = new ArrayList<>();
		List<Long> threads = new ArrayList<>();
		List<Instant> published = new ArrayList<>();
		for (Listing listing : listings) {
			for (Long id : listing.sitePathIds()) {
				ids.add(id);
				threads.add(listing.threadId());
				published.add(listing.published());
			}
		}
		if (ids.isEmpty()) {
			return;
		}
		this.jdbc.sql("""
				with listed as (
				    select site_path_id, thread_id, min(published) as published
				    from unnest(cast(:ids as bigint[]), cast(:threads as bigint[]), cast(:published as timestamptz[]))
				        as l(site_path_id, thread_id, published)
				    group by site_path_id, thread_id)
				insert into site_threads (site_path_id, thread_id, published_at)
				select site_path_id, thread_id, published from listed order by site_path_id, thread_id
				on conflict do nothing
				returning site_path_id, published_at
				""")
			.param("ids", ids.toArray(Long[]::new))
			.param("threads", threads.toArray(Long[]::new))
			.param("published", Timestamps.array(published))
			.query((rs) -> {
				this.rowWrites.threadListed(rs.getLong("site_path_id"), Timestamps.read(rs, "published_at"));
			});
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
		Map<SiteKey, @Nullable String> wanted = new TreeMap<>();
		@Nullable String parent = null;
		for (String path : url.sitePrefixes()) {
			wanted.put(new SiteKey(url.host(), path), parent);
			parent = path;
		}
		Map<String, Long> ids = new TreeMap<>();
		upsertSitePaths(wanted).forEach((key, id) -> ids.put(key.path(), id));
		return ids;
	}

	/** The ids of these site paths (each with its parent path), created when new. */
	private Map<SiteKey, Long> upsertSitePaths(Map<SiteKey, @Nullable String> parents) {
		Map<SiteKey, Long> ids = new HashMap<>();
		if (parents.isEmpty()) {
			return ids;
		}
		// The existing ones are read, not rewritten: a site's root is cited by thousands of an import's entries.
		this.jdbc.sql("""
				with wanted as (
				    select * from unnest(cast(:hosts as text[]), cast(:paths as text[]), cast(:parents as text[]))
				        as w(host, path, parent_path)),
				existing as (
				    select s.id, s.host, s.path from site_paths s join wanted w on w.host = s.host and w.path = s.path),
				added as (
				    insert into site_paths (host, path, parent_path)
				    select w.host, w.path, w.parent_path from wanted w
				    where not exists (select 1 from existing e where e.host = w.host and e.path = w.path)
				    on conflict (host, path) do update set host = excluded.host
				    returning id, host, path)
				select id, host, path from existing union all select id, host, path from added
				""")
			.param("hosts", parents.keySet().stream().map(SiteKey::host).toArray(String[]::new))
			.param("paths", parents.keySet().stream().map(SiteKey::path).toArray(String[]::new))
			.param("parents", parents.values().toArray(String[]::new))
			.query((rs) -> {
				ids.put(new SiteKey(rs.getString("host"), rs.getString("path")), rs.getLong("id"));
			});
		return ids;
	}

	/**
	 * The ids of the links of these keys (each with the first spelling cited), created when new; a page of a site
	 * path is tied to it.
	 */
	private Map<String, Long> upsertLinks(Map<String, String> spellings, Map<String, NormalizedUrl> normalized,
			Map<SiteKey, Long> sitePathIds) {
		Map<String, Long> ids = new HashMap<>();
		if (spellings.isEmpty()) {
			return ids;
		}
		List<String> keys = new ArrayList<>(new TreeMap<>(spellings).keySet());
		List<@Nullable Long> pages = new ArrayList<>();
		for (String key : keys) {
			NormalizedUrl page = normalized.get(key);
			pages.add(page.isWholeSitePath() ? sitePathIds.get(new SiteKey(page.host(), page.sitePath())) : null);
		}
		// A link cited by many at once (the day's article) is not written when it exists: a row written stays
		// locked until the commit, and each of them would wait for the others' whole transactions.
		Map<Long, Long> untiedPages = new TreeMap<>();
		this.jdbc.sql("""
				with wanted as (
				    select * from unnest(cast(:urls as text[]), cast(:hosts as text[]), cast(:keys as text[]),
				                         cast(:pages as bigint[])) as w(url, host, key, page)),
				created as (
				    insert into links (url, host, normalized, normalized_hash, site_path_id)
				    select url, host, key, sha256(convert_to(key, 'UTF8')), page from wanted
				    on conflict (normalized_hash) do nothing
				    returning id, normalized)
				select id, normalized, null as untied_page from created
				union all
				-- The statement does not see the rows it inserts: those it reads here are the others.
				select l.id, l.normalized, case when l.site_path_id is null then w.page end
				from wanted w join links l on l.normalized_hash = sha256(convert_to(w.key, 'UTF8'))
				""")
			.param("urls", keys.stream().map(spellings::get).toArray(String[]::new))
			.param("hosts", keys.stream().map((key) -> normalized.get(key).host()).toArray(String[]::new))
			.param("keys", keys.toArray(String[]::new))
			.param("pages", pages.toArray(Long[]::new))
			.query((rs) -> {
				long id = rs.getLong("id");
				ids.put(rs.getString("normalized"), id);
				long page = rs.getLong("untied_page");
				if (!rs.wasNull()) {
					untiedPages.put(id, page);
				}
			});
		if (ids.size() < keys.size()) {
			// Created by a transaction that committed after this statement's snapshot was taken.
			this.jdbc.sql("""
					select id, normalized from links
					where normalized_hash in (select sha256(convert_to(k, 'UTF8')) from unnest(cast(:keys as text[])) k)
					""")
				.param("keys", keys.toArray(String[]::new))
				.query((rs) -> {
					ids.put(rs.getString("normalized"), rs.getLong("id"));
				});
		}
		if (!untiedPages.isEmpty()) {
			this.jdbc.sql("""
					update links l set site_path_id = t.page
					from unnest(cast(:ids as bigint[]), cast(:pages as bigint[])) as t(id, page)
					where l.id = t.id and l.site_path_id is null
					""")
				.param("ids", untiedPages.keySet().toArray(Long[]::new))
				.param("pages", untiedPages.values().toArray(Long[]::new))
				.update();
		}
		return ids;
	}

	/** URLs the normalizer refuses (a port out of range, say) are kept, marked as not fetchable; by URL. */
	private Map<String, Long> upsertInvalidLinks(Collection<String> urls) {
		Map<String, Long> ids = new HashMap<>();
		if (urls.isEmpty()) {
			return ids;
		}
		this.jdbc.sql("""
				insert into links (url, host, normalized, normalized_hash, fetch_status, checked_at, failure_reason,
				                   failure_detail)
				select url, '', url, sha256(convert_to(url, 'UTF8')), 'failed', now(), :reason, 'not a valid http(s) address'
				from unnest(cast(:urls as text[])) url
				on conflict (normalized_hash) do update set url = links.url
				returning id, normalized
				""").param("urls", urls.toArray(String[]::new)).param("reason", FailureReason.BAD_URL.name()).query((rs) -> {
			ids.put(rs.getString("normalized"), rs.getLong("id"));
		});
		return ids;
	}

	/** Queues a fetch of this link unless it was checked or is queued already; @return whether it was queued. */
	boolean enqueueIfNeverFetched(long linkId) {
		boolean queued = this.jdbc.sql("""
				insert into link_fetch_jobs (link_id) select id from links where id = :link and checked_at is null
				on conflict do nothing
				""").param("link", linkId).update() > 0;
		if (queued && !this.hostSpacing.isZero()) {
			// Queued for now; the host's next slot is taken at the commit.
			this.rowWrites.fetchQueued(linkId);
		}
		return queued;
	}

}
