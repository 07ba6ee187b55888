package org.veille.blogfeed;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

import org.veille.operations.WorkerPool;

/**
 * This instance's feed pollers, {@code veille.blog-feeds.workers} threads looking for due feeds every
 * {@code veille.blog-feeds.poll-interval}. A poll cut short at stop is taken again once its reservation ends.
 */
class BlogFeedWorkers implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(BlogFeedWorkers.class);

	private final WorkerPool workers;

	private final BlogFeedProperties properties;

	BlogFeedWorkers(FeedPoller poller, BlogFeedProperties properties) {
		this.properties = properties;
		this.workers = new WorkerPool("veille-blog-feeds", properties.workers(), properties.pollInterval(), logger,
				poller::runOnce);
	}

	@Override
	public void start() {
		this.workers.start();
	}

	@Override
	public void stop() {
		this.workers.stop(this.properties.totalTimeout());
	}

	@Override
	public boolean isRunning() {
		return this.workers.isRunning();
	}

	/** A feed was added here: an idle worker polls it now rather than at its next look. */
	void wake() {
		this.workers.wake();
	}

}
