package org.veille.outbound;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * The moment a whole exchange must be over: every connect, handshake, redirect and read of it, however slowly the
 * other side sends. The caller makes one and passes it to each request of the exchange.
 */
public final class Deadline {

	private final long expiresAtNanos;

	private Deadline(long expiresAtNanos) {
		this.expiresAtNanos = expiresAtNanos;
	}

	public static Deadline after(Duration duration) {
		return new Deadline(System.nanoTime() + duration.toNanos());
	}

	/** What is left, never negative. */
	public Duration remaining() {
		return Duration.ofNanos(Math.max(0, this.expiresAtNanos - System.nanoTime()));
	}

	public boolean isOver() {
		return this.expiresAtNanos - System.nanoTime() <= 0;
	}

	/** @throws SocketTimeoutException when no time is left */
	void check() throws SocketTimeoutException {
		if (isOver()) {
			throw timedOut();
		}
	}

	/**
	 * What a failure means once time is up: the request was aborted at the deadline, and whatever the client then
	 * saw (a closed socket, an aborted request) is a timeout.
	 */
	IOException explain(IOException failure) {
		if (!isOver() || failure instanceof SocketTimeoutException) {
			return failure;
		}
		SocketTimeoutException timeout = timedOut();
		timeout.initCause(failure);
		return timeout;
	}

	private static SocketTimeoutException timedOut() {
		return new SocketTimeoutException("total time limit reached");
	}

}
