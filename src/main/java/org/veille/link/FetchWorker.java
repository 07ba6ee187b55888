package org.veille.link;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.veille.link.fetch.FailureReason;
import org.veille.link.fetch.FetchOutcome;
import org.veille.link.fetch.FetchOutcome.Failed;
import org.veille.link.fetch.FetchOutcome.Fetched;
import org.veille.link.fetch.PageFetcher;
import org.veille.link.fetch.PageMetadata;

/**
 * Does one fetch job: claims it, fetches the page and its preview image, makes the thumbnail, and records the
 * result or the failure (with a retry after a growing delay when the failure may pass). Thread-safe: a pool runs
 * one per thread; tests call {@link #runOnce()} directly.
 */
class FetchWorker {

	private static final Logger logger = LoggerFactory.getLogger(FetchWorker.class);

	private static final Duration LONGEST_RETRY_DELAY = Duration.ofDays(1);

	private final FetchQueue queue;

	private final PageFetcher fetcher;

	private final FetchProperties properties;

	private final Set<FetchJob> inProgress = ConcurrentHashMap.newKeySet();

	FetchWorker(FetchQueue queue, PageFetcher fetcher, FetchProperties properties) {
		this.queue = queue;
		this.fetcher = fetcher;
		this.properties = properties;
	}

	/** Claims and does one job; false when none was due. */
	boolean runOnce() {
		Optional<FetchJob> job = this.queue.claim(this.properties.lease());
		if (job.isEmpty()) {
			return false;
		}
		this.inProgress.add(job.get());
		try {
			process(job.get());
		}
		finally {
			this.inProgress.remove(job.get());
		}
		return true;
	}

	/** The jobs claimed and not finished yet. */
	List<FetchJob> inProgress() {
		return List.copyOf(this.inProgress);
	}

	void process(FetchJob job) {
		if (job.attempt() > this.properties.maxAttempts()) {
			// Earlier workers claimed it and never finished: something in this link stops workers.
			this.queue.fail(job, new Failed(FailureReason.TIMEOUT,
					"abandoned unfinished " + (job.attempt() - 1) + " times"), null);
			return;
		}
		URI uri = fetchUri(job.url());
		if (uri == null) {
			this.queue.fail(job, new Failed(FailureReason.BAD_URL, "not a valid http(s) address"), null);
			return;
		}
		FetchOutcome outcome = this.fetcher.fetch(uri);
		if (outcome instanceof Failed failed) {
			boolean retry = FetchQueue.isWorthRetrying(failed) && job.attempt() < this.properties.maxAttempts();
			logger.debug("Fetching {} failed (attempt {}): {} {}", uri, job.attempt(), failed.reason(), failed.detail());
			this.queue.fail(job, failed, retry ? retryDelay(job.attempt()) : null);
			return;
		}
		Fetched page = (Fetched) outcome;
		URI imageUri = previewImage(page);
		Thumbnail thumbnail = null;
		String thumbnailFailure = null;
		if (imageUri != null) {
			FetchOutcome image = this.fetcher.fetchImage(imageUri);
			if (image instanceof Fetched fetchedImage) {
				Thumbnailer.Result result = Thumbnailer.make(fetchedImage.body(), this.properties.thumbnailSize());
				if (result instanceof Thumbnailer.Made made) {
					thumbnail = made.thumbnail();
				}
				else {
					thumbnailFailure = ((Thumbnailer.Refused) result).reason();
				}
			}
			else {
				Failed failed = (Failed) image;
				thumbnailFailure = failed.reason() + ": " + failed.detail();
			}
		}
		this.queue.complete(job, page, thumbnail, thumbnailFailure);
	}

	/** The doubling delay before attempt {@code attempt + 1}. */
	Duration retryDelay(int attempt) {
		Duration delay = this.properties.retryDelay().multipliedBy(1L << Math.min(attempt - 1, 20));
		return (delay.compareTo(LONGEST_RETRY_DELAY) > 0) ? LONGEST_RETRY_DELAY : delay;
	}

	/** A page's preview image, or the response itself when the link is an image. */
	private static @Nullable URI previewImage(Fetched page) {
		PageMetadata metadata = page.metadata();
		if (metadata != null) {
			return metadata.imageUrl();
		}
		String type = page.contentType();
		return (type != null && type.startsWith("image/")) ? page.finalUri() : null;
	}

	private static @Nullable URI fetchUri(String url) {
		Optional<NormalizedUrl> normalized = UrlNormalizer.normalize(url);
		if (normalized.isEmpty()) {
			return null;
		}
		try {
			return URI.create(normalized.get().fetchUrl());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
