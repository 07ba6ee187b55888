package org.veille.operations;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;

import org.veille.database.OutageLog;

/**
 * The loop every queue in PostgreSQL runs: a fixed number of threads, each doing one job after another ({@code job}
 * answers whether it found one) and, when none was due, waiting for the poll interval or a {@link #wake()}. A failure
 * is logged (a database outage once per interval, {@link OutageLog}) and the loop goes on; a job claimed when it
 * failed is claimed again after its lease. The fetch, mail and WebSub workers have their own copies of this loop;
 * the blog feed workers are the first to use this one.
 */
public final class PollingWorkers {

	private static final AtomicInteger pools = new AtomicInteger();

	private final String name;

	private final int threads;

	private final Duration pollInterval;

	private final BooleanSupplier job;

	private final Logger logger;

	private final OutageLog outage;

	private final Semaphore wakeUps = new Semaphore(0);

	private volatile boolean running;

	private @Nullable ExecutorService pool;

	/**
	 * @param name names the threads and the log lines ("Blog feed workers", threads "veille-blog-feeds-1-2")
	 * @param job does one job if one is due; true when it did
	 */
	public PollingWorkers(String name, int threads, Duration pollInterval, BooleanSupplier job, Logger logger) {
		this.name = name;
		this.threads = threads;
		this.pollInterval = pollInterval;
		this.job = job;
		this.logger = logger;
		this.outage = new OutageLog(logger, name);
	}

	public synchronized void start() {
		if (this.running) {
			return;
		}
		this.running = true;
		String prefix = "veille-" + this.name.toLowerCase(Locale.ROOT).replace(' ', '-') + "-"
				+ pools.incrementAndGet() + "-";
		AtomicInteger count = new AtomicInteger();
		ExecutorService executor = Executors.newFixedThreadPool(this.threads, (task) -> {
			Thread thread = new Thread(task, prefix + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
		for (int i = 0; i < this.threads; i++) {
			executor.execute(this::work);
		}
		this.pool = executor;
	}

	/** Takes no more jobs, and waits up to {@code finishWithin} for those in progress. */
	public synchronized void stop(Duration finishWithin) {
		ExecutorService executor = this.pool;
		if (!this.running || executor == null) {
			return;
		}
		this.running = false;
		this.wakeUps.release(this.threads);
		executor.shutdown();
		try {
			if (!executor.awaitTermination(finishWithin.toMillis(), TimeUnit.MILLISECONDS)) {
				executor.shutdownNow();
			}
		}
		catch (InterruptedException ex) {
			executor.shutdownNow();
			Thread.currentThread().interrupt();
		}
	}

	public boolean isRunning() {
		return this.running;
	}

	/** Work was queued here: idle threads look now rather than at their next poll. */
	public void wake() {
		int idle = this.threads - this.wakeUps.availablePermits();
		if (idle > 0) {
			this.wakeUps.release(idle);
		}
	}

	private void work() {
		while (this.running) {
			boolean worked = false;
			try {
				worked = this.job.getAsBoolean();
				this.outage.reachable();
			}
			catch (RuntimeException ex) {
				if (!this.outage.unreachable(ex)) {
					this.logger.warn("{}: a job failed unexpectedly; retrying after the poll interval", this.name, ex);
				}
			}
			if (!worked && !waitForWork()) {
				return;
			}
		}
	}

	private boolean waitForWork() {
		try {
			this.wakeUps.tryAcquire(this.pollInterval.toMillis(), TimeUnit.MILLISECONDS);
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}
