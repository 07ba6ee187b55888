package org.veille.operations;

import java.time.Duration;
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
 * The loop every queue's workers run: a fixed number of threads, each doing one unit of work after another
 * ({@code work} answers whether it found any) and, when none was due, waiting for the poll interval or until
 * {@link #wake()} says this instance queued some. A database away is one line now and then
 * ({@link OutageLog}); any other failure is logged and the loop goes on (a job claimed when it failed is claimed
 * again after its lease). For a queue's {@code SmartLifecycle}: federation deliveries and blog feeds use it; the
 * fetch, mail and WebSub workers still have their own copies of this loop.
 */
public final class WorkerPool {

	private final String name;

	private final int threads;

	private final Duration pollInterval;

	private final Logger logger;

	private final OutageLog outage;

	private final BooleanSupplier work;

	private final Semaphore wakeUps = new Semaphore(0);

	private volatile boolean running;

	private @Nullable ExecutorService pool;

	public WorkerPool(String name, int threads, Duration pollInterval, Logger logger, BooleanSupplier work) {
		this.name = name;
		this.threads = threads;
		this.pollInterval = pollInterval;
		this.logger = logger;
		this.outage = new OutageLog(logger, name);
		this.work = work;
	}

	public synchronized void start() {
		if (this.running) {
			return;
		}
		this.running = true;
		AtomicInteger count = new AtomicInteger();
		ExecutorService started = Executors.newFixedThreadPool(this.threads, (task) -> {
			Thread thread = new Thread(task, this.name + "-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
		for (int i = 0; i < this.threads; i++) {
			started.execute(this::loop);
		}
		this.pool = started;
	}

	/** Stops taking work; waits this long for the units in progress, then interrupts them. */
	public synchronized void stop(Duration wait) {
		ExecutorService started = this.pool;
		if (!this.running || started == null) {
			return;
		}
		this.running = false;
		this.wakeUps.release(this.threads);
		started.shutdown();
		try {
			if (!started.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS)) {
				started.shutdownNow();
			}
		}
		catch (InterruptedException ex) {
			started.shutdownNow();
			Thread.currentThread().interrupt();
		}
	}

	public boolean isRunning() {
		return this.running;
	}

	/** Work was queued here: idle workers look now rather than at their next poll. */
	public void wake() {
		int idle = this.threads - this.wakeUps.availablePermits();
		if (idle > 0) {
			this.wakeUps.release(idle);
		}
	}

	private void loop() {
		while (this.running) {
			boolean worked = false;
			try {
				worked = this.work.getAsBoolean();
				this.outage.reachable();
			}
			catch (RuntimeException ex) {
				if (!this.outage.unreachable(ex)) {
					this.logger.warn("{}: a unit of work failed unexpectedly", this.name, ex);
				}
			}
			if (!worked && !await()) {
				return;
			}
		}
	}

	private boolean await() {
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
