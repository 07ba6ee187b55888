package org.veille.websub;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import org.veille.database.OutageLog;

/**
 * The hub's workers: {@value #WORKERS} threads taking jobs off {@link WebSubQueue} one at a time,
 * polling every {@value #POLL_MILLIS} ms or when woken.
 */
@Component
class WebSubWorkers implements SmartLifecycle {

	static final int WORKERS = 2;

	static final long POLL_MILLIS = 1_000;

	private static final Logger logger = LoggerFactory.getLogger(WebSubWorkers.class);

	private final WebSubDelivery delivery;

	private final WebSubSignal signal;

	private final OutageLog outage = new OutageLog(logger, "WebSub workers");

	private volatile boolean running;

	private @Nullable ExecutorService threads;

	WebSubWorkers(WebSubDelivery delivery, WebSubSignal signal) {
		this.delivery = delivery;
		this.signal = signal;
	}

	@Override
	public synchronized void start() {
		if (this.running) {
			return;
		}
		this.running = true;
		ExecutorService pool = Executors.newFixedThreadPool(WORKERS, (task) -> {
			Thread thread = new Thread(task, "veille-websub");
			thread.setDaemon(true);
			return thread;
		});
		for (int i = 0; i < WORKERS; i++) {
			pool.execute(this::work);
		}
		this.threads = pool;
	}

	@Override
	public synchronized void stop() {
		ExecutorService pool = this.threads;
		if (!this.running || pool == null) {
			return;
		}
		this.running = false;
		this.signal.releaseAll();
		pool.shutdown();
		try {
			if (!pool.awaitTermination(WebSubDelivery.TIMEOUT.toMillis() * 3, TimeUnit.MILLISECONDS)) {
				pool.shutdownNow();
			}
		}
		catch (InterruptedException ex) {
			pool.shutdownNow();
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private void work() {
		while (this.running) {
			boolean worked = false;
			try {
				worked = this.delivery.runOnce();
				this.outage.reachable();
			}
			catch (RuntimeException ex) {
				if (!this.outage.unreachable(ex)) {
					logger.warn("A WebSub job failed unexpectedly", ex);
				}
			}
			if (!worked && !this.signal.await(POLL_MILLIS)) {
				return;
			}
		}
	}

}
