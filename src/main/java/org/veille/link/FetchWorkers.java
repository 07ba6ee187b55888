package org.veille.link;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * A fixed pool of fetch workers (DESIGN §7), {@code veille.fetch.workers} threads, each doing one job after
 * another and waiting when none is due: for {@code veille.fetch.poll-interval}, or until this instance queues a
 * job ({@link #wake()}). One more thread queues the links due for a periodic refetch.
 */
class FetchWorkers implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(FetchWorkers.class);

	/** How often stale links (and failed links due for a re-check) are looked for, and how many are queued at a time. */
	private static final long REFETCH_CHECK_MINUTES = 10;

	private static final int REFETCH_BATCH = 500;

	private static final AtomicInteger pools = new AtomicInteger();

	private final FetchWorker worker;

	private final FetchQueue queue;

	private final FetchProperties properties;

	private final Semaphore wakeUps = new Semaphore(0);

	private volatile boolean running;

	private @Nullable ExecutorService threads;

	private @Nullable ScheduledExecutorService refetcher;

	FetchWorkers(FetchWorker worker, FetchQueue queue, FetchProperties properties) {
		this.worker = worker;
		this.queue = queue;
		this.properties = properties;
	}

	@Override
	public synchronized void start() {
		if (this.running) {
			return;
		}
		this.running = true;
		String name = "veille-fetch-" + pools.incrementAndGet() + "-";
		ExecutorService workers = Executors.newFixedThreadPool(this.properties.workers(), threadFactory(name));
		for (int i = 0; i < this.properties.workers(); i++) {
			workers.execute(this::work);
		}
		ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(threadFactory(name + "refetch-"));
		scheduler.scheduleWithFixedDelay(this::queueStaleLinks, 1, REFETCH_CHECK_MINUTES, TimeUnit.MINUTES);
		this.threads = workers;
		this.refetcher = scheduler;
	}

	@Override
	public synchronized void stop() {
		ExecutorService workers = this.threads;
		ScheduledExecutorService scheduler = this.refetcher;
		if (!this.running || workers == null || scheduler == null) {
			return;
		}
		this.running = false;
		this.wakeUps.release(this.properties.workers());
		scheduler.shutdownNow();
		workers.shutdown();
		try {
			// A fetch ends within the total timeout; one not done by then is left to its lease.
			if (!workers.awaitTermination(this.properties.totalTimeout().toMillis() * 2, TimeUnit.MILLISECONDS)) {
				workers.shutdownNow();
			}
		}
		catch (InterruptedException ex) {
			workers.shutdownNow();
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** Jobs were queued here: idle workers look now rather than at their next poll. */
	void wake() {
		int idle = this.properties.workers() - this.wakeUps.availablePermits();
		if (idle > 0) {
			this.wakeUps.release(idle);
		}
	}

	private void work() {
		while (this.running) {
			boolean worked = false;
			try {
				worked = this.worker.runOnce();
			}
			catch (RuntimeException ex) {
				// The database is away, say: the job, if one was claimed, is claimed again after its lease.
				logger.warn("A fetch job failed unexpectedly; retrying after the poll interval", ex);
			}
			if (!worked && !waitForWork()) {
				return;
			}
		}
	}

	private boolean waitForWork() {
		try {
			this.wakeUps.tryAcquire(this.properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private void queueStaleLinks() {
		try {
			int queued = this.queue.enqueueStale(this.properties.refetchAfter(), REFETCH_BATCH);
			queued += this.queue.enqueueDueRechecks(REFETCH_BATCH);
			if (queued > 0) {
				wake();
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Could not queue links for their periodic refetch", ex);
		}
	}

	private static ThreadFactory threadFactory(String prefix) {
		AtomicInteger count = new AtomicInteger();
		return (runnable) -> {
			Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

}
