package org.veille.mail;

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

import org.veille.database.DatabaseUnavailable;
import org.veille.database.OutageLog;

/**
 * A fixed pool of mail workers, {@code veille.mail.workers} threads, each sending one batch after another
 * and waiting when none is due: for {@code veille.mail.poll-interval}, or until this instance queues
 * e-mails ({@link #wake()}). One more thread deletes old finished rows now and then.
 */
public class MailWorkers implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(MailWorkers.class);


	private final OutageLog outage = new OutageLog(logger, "Mail workers");

	private static final int PURGE_BATCH = 5_000;

	private static final AtomicInteger pools = new AtomicInteger();

	private final MailWorker worker;

	private final Outbox outbox;

	private final OutboxProperties properties;

	private final Semaphore wakeUps = new Semaphore(0);

	private volatile boolean running;

	private @Nullable ExecutorService threads;

	private @Nullable ScheduledExecutorService purger;

	MailWorkers(MailWorker worker, Outbox outbox, OutboxProperties properties) {
		this.worker = worker;
		this.outbox = outbox;
		this.properties = properties;
	}

	@Override
	public synchronized void start() {
		if (this.running) {
			return;
		}
		this.running = true;
		String name = "veille-mail-" + pools.incrementAndGet() + "-";
		ExecutorService workers = Executors.newFixedThreadPool(this.properties.workers(), threadFactory(name));
		for (int i = 0; i < this.properties.workers(); i++) {
			workers.execute(this::work);
		}
		ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(threadFactory(name + "purge-"));
		scheduler.scheduleWithFixedDelay(this::purge, 1, 60, TimeUnit.MINUTES);
		this.threads = workers;
		this.purger = scheduler;
	}

	@Override
	public synchronized void stop() {
		ExecutorService workers = this.threads;
		ScheduledExecutorService scheduler = this.purger;
		if (!this.running || workers == null || scheduler == null) {
			return;
		}
		this.running = false;
		this.wakeUps.release(this.properties.workers());
		scheduler.shutdownNow();
		workers.shutdown();
		try {
			// A batch in flight ends within the SMTP timeouts; one not done by then is left to its lease.
			if (!workers.awaitTermination(30, TimeUnit.SECONDS)) {
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

	/** E-mails were queued here: idle workers look now rather than at their next poll. */
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
				// The database away is a line now and then; claimed e-mails are claimed again after their lease.
				if (!this.outage.unreachable(ex)) {
					logger.warn("Sending e-mails failed unexpectedly; retrying after the poll interval", ex);
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

	private void purge() {
		try {
			this.outbox.purge(this.properties.keepFor(), PURGE_BATCH);
		}
		catch (RuntimeException ex) {
			if (DatabaseUnavailable.causedBy(ex)) {
				logger.warn("Could not delete old e-mails from the outbox: the database cannot be reached");
			}
			else {
				logger.warn("Could not delete old e-mails from the outbox", ex);
			}
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
