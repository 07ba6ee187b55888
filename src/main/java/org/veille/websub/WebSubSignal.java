package org.veille.websub;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.springframework.stereotype.Component;

/**
 * Wakes the hub's idle workers when this instance queues work, instead of waiting for their next poll.
 */
@Component
class WebSubSignal {

	private final Semaphore wakeUps = new Semaphore(0);

	void wake() {
		if (this.wakeUps.availablePermits() < WebSubWorkers.WORKERS) {
			this.wakeUps.release();
		}
	}

	/** Waits for a wake-up or the poll interval; false when interrupted. */
	boolean await(long millis) {
		try {
			this.wakeUps.tryAcquire(millis, TimeUnit.MILLISECONDS);
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	void releaseAll() {
		this.wakeUps.release(WebSubWorkers.WORKERS);
	}

}
