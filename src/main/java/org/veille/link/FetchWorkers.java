package org.veille.link;

import java.time.Duration;
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

import org.veille.database.OutageLog;
import org.veille.operations.ClusterTasks;

/**
 * A fixed pool of fetch workers (DESIGN §7), {@code veille.fetch.workers} threads, each doing one job after
 * another and waiting when none is due: for {@code veille.fetch.poll-interval}, or until this instance queues a
 * job ({@link #wake()}). One more thread queues the links due for a periodic refetch, in one instance at a time
 * ({@link ClusterTasks}). At stop, the workers take no more jobs, and the jobs still being fetched a moment later
 * are given back at once, so that another instance takes them without waiting for their lease to run out.
 */
class FetchWorkers implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(FetchWorkers.class);

	/**
	 * How often stale links (and failed links due for a re-check) are looked for (by one instance), and how many are
	 * queued at a time.
	 */
	private static final Duration REFETCH_EVERY = Duration.ofMinutes(10);

	static final String REFETCH_TASK = "link.refetch";

	/** How long a stop waits for the fetches in progress before giving their jobs back. */
	private static final Duration FINISH_WITHIN = Duration.ofSeconds(2);

	private static final int REFETCH_BATCH = 500;

	private static final AtomicInteger pools = new AtomicInteger();

	private final FetchWorker worker;

	private final FetchQueue queue;

	private final FetchProperties properties;

	/** Null in a pool that queues no periodic refetch (tests' pools). */
	private final @Nullable ClusterTasks tasks;

	private final Semaphore wakeUps = new Semaphore(0);

	private final OutageLog outage = new OutageLog(logger, "Fetch workers");

	private volatile boolean running;

	private @Nullable ExecutorService threads;

	private @Nullable ScheduledExecutorService refetcher;

	FetchWorkers(FetchWorker worker, FetchQueue queue, FetchProperties properties) {
		this(worker, queue, properties, null);
	}

	FetchWorkers(FetchWorker worker, FetchQueue queue, FetchProperties properties, @Nullable ClusterTasks tasks) {
		this.worker = worker;
		this.queue = queue;
		this.properties = properties;
		this.tasks = tasks;
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
		ClusterTasks refetchClaims = this.tasks;
		if (refetchClaims != null) {
			scheduler.scheduleWithFixedDelay(() -> queueStaleLinks(refetchClaims), 1, 1, TimeUnit.MINUTES);
		}
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
			if (!workers.awaitTermination(FINISH_WITHIN.toMillis(), TimeUnit.MILLISECONDS)) {
				giveBackJobsInProgress();
				workers.shutdownNow();
			}
		}
		catch (InterruptedException ex) {
			giveBackJobsInProgress();
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
				this.outage.reachable();
			}
			catch (RuntimeException ex) {
				if (!this.running) {
					// A job given back at stop, ending after the application closed: its result is no longer wanted.
					logger.debug("A fetch ended after this instance stopped", ex);
					return;
				}
				// The database is away, say: the job, if one was claimed, is claimed again after its lease.
				if (!this.outage.unreachable(ex)) {
					logger.warn("A fetch job failed unexpectedly; retrying after the poll interval", ex);
				}
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

	/** A fetch still running ends on its own; its result is then dropped, as its job is no longer its own. */
	private void giveBackJobsInProgress() {
		for (FetchJob job : this.worker.inProgress()) {
			try {
				this.queue.giveBack(job);
			}
			catch (RuntimeException ex) {
				logger.warn("Could not give back the fetch job of link {}; it is claimed again after its lease",
						job.linkId(), ex);
			}
		}
	}

	private void queueStaleLinks(ClusterTasks claims) {
		try {
			if (claims.claim(REFETCH_TASK, REFETCH_EVERY)
					&& this.queue.enqueueStale(this.properties.refetchAfter(), REFETCH_BATCH)
							+ this.queue.enqueueDueRechecks(REFETCH_BATCH) > 0) {
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
