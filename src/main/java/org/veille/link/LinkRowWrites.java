package org.veille.link;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;

import org.veille.database.Timestamps;
import org.veille.database.WritesAtCommit;

/**
 * A transaction's writes to the rows its links share with everyone citing the same site, made at its commit
 * ({@link WritesAtCommit}): the site paths' thread counters, and the host's next fetch slot, which spaces
 * the fetches of one host ({@code veille.fetch.host-spacing}). Many people citing one site at once would
 * otherwise wait for each other's whole transactions.
 */
final class LinkRowWrites {

	private final JdbcClient jdbc;

	private final Duration hostSpacing;

	private final WritesAtCommit.Kind<Map<Long, Listed>> sitePaths = new WritesAtCommit.Kind<>(
			WritesAtCommit.SITE_PATHS, TreeMap::new, this::writeSitePaths);

	private final WritesAtCommit.Kind<Set<Long>> fetchSlots = new WritesAtCommit.Kind<>(WritesAtCommit.FETCH_SLOTS,
			LinkedHashSet::new, this::writeFetchSlots);

	LinkRowWrites(JdbcClient jdbc, Duration hostSpacing) {
		this.jdbc = jdbc;
		this.hostSpacing = hostSpacing;
	}

	/** The site path lists one more thread, published at this time. */
	void threadListed(long sitePathId, Instant published) {
		WritesAtCommit.gather(this.sitePaths, (pending) -> pending
			.computeIfAbsent(sitePathId, (id) -> new Listed())
			.add(published));
	}

	/** A fetch job of this link was queued for now: it takes its host's next slot at the commit, in this order. */
	void fetchQueued(long linkId) {
		WritesAtCommit.gather(this.fetchSlots, (pending) -> pending.add(linkId));
	}

	private static final class Listed {

		int threads;

		Instant latest = Instant.EPOCH;

		void add(Instant published) {
			this.threads++;
			if (published.isAfter(this.latest)) {
				this.latest = published;
			}
		}

	}

	private void writeSitePaths(Map<Long, Listed> listed) {
		List<Listed> counts = new ArrayList<>(listed.values());
		this.jdbc.sql("""
				update site_paths s set thread_count = s.thread_count + c.threads,
				                        changed_at = greatest(s.changed_at, c.latest)
				from unnest(cast(:ids as bigint[]), cast(:threads as int[]), cast(:latest as timestamptz[]))
				    as c(id, threads, latest)
				where s.id = c.id
				""")
			.param("ids", listed.keySet().toArray(Long[]::new))
			.param("threads", counts.stream().map((count) -> count.threads).toArray(Integer[]::new))
			.param("latest", Timestamps.array(counts.stream().map((count) -> count.latest).toList()))
			.update();
	}

	/**
	 * Each host's queued jobs take its next slots in the order queued: the first one now when the host has had
	 * none for a while, else one spacing after the host's last; the others one spacing apart. The host's row
	 * keeps the last slot taken.
	 */
	private void writeFetchSlots(Set<Long> linkIds) {
		this.jdbc.sql("""
				with queued as (
				    select l.id as link_id, l.host,
				           row_number() over (partition by l.host order by g.n) as place,
				           count(*) over (partition by l.host) as queued
				    from unnest(cast(:links as bigint[])) with ordinality as g(link_id, n)
				    join links l on l.id = g.link_id),
				slot as (
				    insert into fetch_host_slots (host, next_at)
				    select distinct host, now() + (queued - 1) * make_interval(secs => :spacing) from queued order by host
				    on conflict (host) do update
				        set next_at = greatest(fetch_host_slots.next_at + (excluded.next_at - now())
				                                   + make_interval(secs => :spacing), excluded.next_at)
				    returning host, next_at)
				update link_fetch_jobs j set not_before = slot.next_at - (q.queued - q.place) * make_interval(secs => :spacing)
				from queued q join slot on slot.host = q.host
				where j.link_id = q.link_id
				""")
			.param("links", linkIds.toArray(Long[]::new))
			.param("spacing", this.hostSpacing.toMillis() / 1000.0)
			.update();
	}

}
