package org.veille.notify;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import org.veille.database.DatabaseUnavailable;

/** Asks {@link Digests} once a minute for the digests due, in instances that run mail workers. */
@Component
@ConditionalOnBooleanProperty(name = "veille.mail.enabled", matchIfMissing = true)
class DigestSchedule implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(DigestSchedule.class);

	private final Digests digests;

	private @Nullable ScheduledExecutorService scheduler;

	DigestSchedule(Digests digests) {
		this.digests = digests;
	}

	@Override
	public synchronized void start() {
		if (this.scheduler == null) {
			ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor((runnable) -> {
				Thread thread = new Thread(runnable, "veille-digests");
				thread.setDaemon(true);
				return thread;
			});
			executor.scheduleWithFixedDelay(this::queueDue, 1, 1, TimeUnit.MINUTES);
			this.scheduler = executor;
		}
	}

	@Override
	public synchronized void stop() {
		if (this.scheduler != null) {
			this.scheduler.shutdownNow();
			this.scheduler = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.scheduler != null;
	}

	private void queueDue() {
		try {
			this.digests.queueDue();
		}
		catch (RuntimeException ex) {
			if (DatabaseUnavailable.causedBy(ex)) {
				logger.warn("Could not queue the digests due: the database cannot be reached");
			}
			else {
				logger.warn("Could not queue the digests due", ex);
			}
		}
	}

}
