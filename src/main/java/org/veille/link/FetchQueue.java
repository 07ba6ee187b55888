package org.veille.link;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import org.veille.link.fetch.FailureReason;
import org.veille.link.fetch.FetchOutcome.Failed;
import org.veille.link.fetch.FetchOutcome.Fetched;
import org.veille.link.fetch.PageMetadata;
import org.veille.text.XmlChars;

/**
 * The fetch queue in PostgreSQL (DESIGN §7): jobs are claimed with {@code FOR UPDATE SKIP LOCKED} and held for a
 * lease, so any number of workers in any number of instances share it, each job is done once, and a job whose
 * worker died is claimed again when its lease runs out. Times come from the database, the one clock all
 * instances share.
 */
@Repository
public class FetchQueue {

	private static final Pattern CONTROL = Pattern.compile("\\p{Cc}+");

	private static final int MAX_DETAIL = 300;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final FetchMeters meters;

	private final DeadLinkProperties deadLinks;

	FetchQueue(JdbcClient jdbc, ApplicationEventPublisher events, FetchMeters meters, DeadLinkProperties deadLinks) {
		this.jdbc = jdbc;
		this.events = events;
		this.meters = meters;
		this.deadLinks = deadLinks;
	}

	/** Claims the job due longest ago, if any, for {@code lease}. */
	Optional<FetchJob> claim(Duration lease) {
		UUID token = UUID.randomUUID();
		return this.jdbc.sql("""
				update link_fetch_jobs j
				set claimed_until = now() + make_interval(secs => :lease), claimed_by = :token, attempts = j.attempts + 1
				from links l
				where l.id = j.link_id and j.link_id = (
				    select link_id from link_fetch_jobs
				    where not_before <= now() and (claimed_until is null or claimed_until <= now())
				    order by not_before
				    limit 1
				    for update skip locked)
				returning j.link_id, l.url, j.attempts
				""")
			.param("lease", interval(lease))
			.param("token", token)
			.query((rs, rowNum) -> new FetchJob(rs.getLong("link_id"), rs.getString("url"), rs.getInt("attempts"),
					token))
			.optional();
	}

	/**
	 * Stores what the fetch found and ends the job, unless the lease was lost to another worker (the job then
	 * belongs to it, and this result is dropped).
	 * @return whether the result was stored
	 */
	@Transactional
	public boolean complete(FetchJob job, Fetched page, @Nullable Thumbnail thumbnail,
			@Nullable String thumbnailFailure) {
		if (!release(job)) {
			return false;
		}
		Long thumbnailId = (thumbnail != null) ? storeThumbnail(thumbnail) : null;
		PageMetadata metadata = page.metadata();
		this.jdbc.sql("""
				update links set fetch_status = 'fetched', checked_at = now(), fetched_at = now(),
				    failure_reason = null, failure_detail = null, final_url = :finalUrl, content_type = :contentType,
				    size_bytes = :size, title = :title, description = :description, site_name = :siteName,
				    image_url = :image, canonical_url = :canonical, language = :language, favicon_url = :favicon,
				    thumbnail_id = :thumbnail, thumbnail_failure = :thumbnailFailure, failing_since = null,
				    gone_since = null, topics = cast(:topics as text[])
				where id = :link
				""")
			.param("link", job.linkId())
			.param("finalUrl", page.finalUri().toString())
			.param("contentType", page.contentType())
			.param("size", (page.sizeBytes() >= 0) ? page.sizeBytes() : null)
			.param("title", (metadata != null) ? metadata.title() : null)
			.param("description", (metadata != null) ? metadata.description() : null)
			.param("siteName", (metadata != null) ? metadata.siteName() : null)
			.param("image", (metadata != null && metadata.imageUrl() != null) ? metadata.imageUrl().toString() : null)
			.param("canonical",
					(metadata != null && metadata.canonicalUrl() != null) ? metadata.canonicalUrl().toString() : null)
			.param("language", (metadata != null) ? metadata.language() : null)
			.param("favicon", (metadata != null) ? metadata.faviconUrl().toString() : null)
			.param("thumbnail", thumbnailId)
			.param("thumbnailFailure", detail(thumbnailFailure))
			.param("topics", (metadata != null && !metadata.topics().isEmpty()) ? metadata.topics().toArray(String[]::new)
					: null)
			.update();
		this.events.publishEvent(new PageFetched(job.linkId()));
		this.meters.fetched();
		return true;
	}

	/**
	 * Records a failed attempt: the job waits {@code retryIn} before its next attempt, or, when null, ends and the
	 * link is marked as failed. Either way the reason is recorded on the link, and whether the page is now judged
	 * gone ({@link LinkHealth}); a page judged gone stays so until a fetch succeeds.
	 */
	@Transactional
	public boolean fail(FetchJob job, Failed failure, @Nullable Duration retryIn) {
		int updated;
		if (retryIn != null) {
			updated = this.jdbc.sql("""
					update link_fetch_jobs set not_before = now() + make_interval(secs => :delay), claimed_until = null, claimed_by = null
					where link_id = :link and claimed_by = :token
					""")
				.param("delay", interval(retryIn))
				.param("link", job.linkId())
				.param("token", job.token())
				.update();
		}
		else {
			updated = release(job) ? 1 : 0;
		}
		if (updated == 0) {
			return false;
		}
		LinkHealth health = LinkHealth.of(failure);
		boolean given = retryIn == null;
		this.jdbc.sql("""
				update links set checked_at = now(), failure_reason = :reason, failure_detail = :detail,
				    fetch_status = case when :final then 'failed' else fetch_status end,
				    failing_since = coalesce(failing_since, now()),
				    gone_since = case
				        when gone_since is not null then gone_since
				        when :goneNow then now()
				        when :final and :goneIfLasting
				             and coalesce(failing_since, now()) <= now() - make_interval(secs => :lasting) then now()
				    end
				where id = :link
				""")
			.param("reason", failure.reason().name())
			.param("detail", detail(failure.detail()))
			.param("final", given)
			.param("goneNow", health == LinkHealth.GONE || (given && health == LinkHealth.GONE_WHEN_GIVEN_UP))
			.param("goneIfLasting", health == LinkHealth.GONE_IF_LASTING)
			.param("lasting", interval(this.deadLinks.goneAfter()))
			.param("link", job.linkId())
			.update();
		this.meters.failed(failure.reason(), retryIn != null);
		return true;
	}

	/**
	 * Gives a claimed job back without counting its attempt (its instance is stopping): any worker may claim it
	 * at once. Nothing happens if the lease was lost already.
	 */
	boolean giveBack(FetchJob job) {
		return this.jdbc.sql("""
				update link_fetch_jobs set claimed_until = null, claimed_by = null, attempts = attempts - 1
				where link_id = :link and claimed_by = :token
				""")
			.param("link", job.linkId())
			.param("token", job.token())
			.update() > 0;
	}

	/**
	 * Queues the failed links checked longer than {@code veille.dead-links.recheck-after} ago (gone, or failing in a
	 * way that may pass), oldest check first, at most {@code limit}: pages that come back are noticed, failures that
	 * last are counted. Under a transaction-level advisory lock that another instance doing the same skips.
	 * @return how many links were queued
	 */
	public int enqueueDueRechecks(int limit) {
		return this.jdbc.sql("""
				with turn as (select pg_try_advisory_xact_lock(hashtext('veille.dead-links'), 0) as mine)
				insert into link_fetch_jobs (link_id)
				select l.id from links l cross join turn
				where turn.mine and l.fetch_status = 'failed' and l.host <> ''
				  and l.checked_at < now() - make_interval(secs => :age)
				  and (l.gone_since is not null or l.failure_reason = any(:reasons))
				  and not exists (select 1 from link_fetch_jobs j where j.link_id = l.id)
				order by l.checked_at
				limit :limit
				on conflict do nothing
				""")
			.param("age", interval(this.deadLinks.recheckAfter()))
			.param("reasons", LinkHealth.recheckedReasons())
			.param("limit", limit)
			.update();
	}

	/** Queues the links checked longer than {@code age} ago and not queued yet, oldest first, at most {@code limit}. */
	int enqueueStale(Duration age, int limit) {
		return this.jdbc.sql("""
				insert into link_fetch_jobs (link_id)
				select l.id from links l
				where l.checked_at < now() - make_interval(secs => :age) and l.host <> ''
				  and not exists (select 1 from link_fetch_jobs j where j.link_id = l.id)
				order by l.checked_at
				limit :limit
				on conflict do nothing
				""").param("age", interval(age)).param("limit", limit).update();
	}

	/** Queues the links of a message for a fetch now, as a first attempt; jobs already running are left alone. */
	int enqueueMessage(long messageId) {
		return this.jdbc.sql("""
				insert into link_fetch_jobs (link_id)
				select l.id from message_links ml join links l on l.id = ml.link_id
				where ml.message_id = :message and l.host <> ''
				on conflict (link_id) do update set not_before = now(), attempts = 0
				where link_fetch_jobs.claimed_until is null or link_fetch_jobs.claimed_until <= now()
				""").param("message", messageId).update();
	}

	private boolean release(FetchJob job) {
		return this.jdbc.sql("delete from link_fetch_jobs where link_id = :link and claimed_by = :token")
			.param("link", job.linkId())
			.param("token", job.token())
			.update() > 0;
	}

	private long storeThumbnail(Thumbnail thumbnail) {
		return this.jdbc.sql("""
				insert into thumbnails (sha256, content_type, width, height, bytes)
				values (sha256(:bytes), :type, :width, :height, :bytes)
				on conflict (sha256) do update set content_type = excluded.content_type
				returning id
				""")
			.param("bytes", thumbnail.bytes())
			.param("type", thumbnail.contentType())
			.param("width", thumbnail.width())
			.param("height", thumbnail.height())
			.query(Long.class)
			.single();
	}

	/** Details come from remote servers too: one line of visible text, not too long. */
	private static @Nullable String detail(@Nullable String text) {
		if (text == null) {
			return null;
		}
		String line = CONTROL.matcher(XmlChars.strip(text)).replaceAll(" ").strip();
		return (line.length() > MAX_DETAIL) ? line.substring(0, MAX_DETAIL - 1) + "…" : line;
	}

	private static double interval(Duration duration) {
		return duration.toMillis() / 1000.0;
	}

	/** Whether another attempt may give something: not for a page its server says is gone. */
	static boolean isWorthRetrying(Failed failure) {
		return isWorthRetrying(failure.reason()) && LinkHealth.of(failure) != LinkHealth.GONE;
	}

	static boolean isWorthRetrying(FailureReason reason) {
		return switch (reason) {
			case DNS, REFUSED, TIMEOUT, HTTP_STATUS, TLS, PROTOCOL -> true;
			case BLOCKED_ADDRESS, TOO_MANY_REDIRECTS, BAD_URL, TOO_LARGE, UNSUPPORTED_CONTENT_TYPE -> false;
		};
	}

}
