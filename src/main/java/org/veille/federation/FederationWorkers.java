package org.veille.federation;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import org.veille.operations.WorkerPool;

/**
 * {@code veille.federation.workers} threads looking up the people elsewhere that queued events mention, planning the
 * events, then sending deliveries, one at a time.
 */
@Component
class FederationWorkers implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(FederationWorkers.class);

	private final WorkerPool pool;

	private final FederationProperties properties;

	FederationWorkers(RemoteMentions mentions, DeliveryPlanner planner, DeliverySender sender,
			FederationProperties properties) {
		this.properties = properties;
		// The people elsewhere that the next events mention are asked about first, outside any transaction.
		this.pool = new WorkerPool("veille-federation", Math.max(1, properties.workers()), properties.pollInterval(),
				logger, () -> mentions.resolveUpcoming() | planner.planOne() | sender.sendOne());
	}

	void wake() {
		this.pool.wake();
	}

	@Override
	public void start() {
		if (this.properties.workers() > 0) {
			this.pool.start();
		}
	}

	@Override
	public void stop() {
		this.pool.stop(this.properties.timeout().multipliedBy(2).plus(Duration.ofSeconds(1)));
	}

	@Override
	public boolean isRunning() {
		return this.pool.isRunning();
	}

}
