package org.veille.pagecache;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.springframework.stereotype.Component;

/**
 * Lets a write of this instance return only once this instance dropped what it changed. A write transaction
 * announces a fence of its own last ({@code f:<instance>:<number>}); PostgreSQL delivers a transaction's
 * announcements together and in order on commit, so once {@link ChangeListener} has read the fence it has read
 * every key of that transaction, and a redirect after a POST never shows a page from before.
 */
@Component
class CommitFences {

	private static final String PREFIX = "f:";

	private final String mine = PREFIX + UUID.randomUUID() + ":";

	private final AtomicLong sent = new AtomicLong();

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition arrived = this.lock.newCondition();

	private long seen;

	/** The payload of a new fence, numbered after every one before it. */
	Fence next() {
		long number = this.sent.incrementAndGet();
		return new Fence(number, this.mine + number);
	}

	/** Whether an announcement is a fence (of any instance: the others' are read and passed over). */
	static boolean isFence(String payload) {
		return payload.startsWith(PREFIX);
	}

	void arrived(String payload) {
		if (!payload.startsWith(this.mine)) {
			return;
		}
		long number;
		try {
			number = Long.parseLong(payload.substring(this.mine.length()));
		}
		catch (NumberFormatException ex) {
			return;
		}
		this.lock.lock();
		try {
			if (number > this.seen) {
				this.seen = number;
				this.arrived.signalAll();
			}
		}
		finally {
			this.lock.unlock();
		}
	}

	/** Waits until the listener read the fence; false when it did not within the time given. */
	boolean awaitArrival(Fence fence, Duration atMost) throws InterruptedException {
		long deadline = System.nanoTime() + atMost.toNanos();
		this.lock.lock();
		try {
			while (this.seen < fence.number()) {
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					return false;
				}
				this.arrived.awaitNanos(left);
			}
			return true;
		}
		finally {
			this.lock.unlock();
		}
	}

	record Fence(long number, String payload) {

	}

}
