package org.veille.link.fetch;

import java.net.SocketTimeoutException;
import java.time.Duration;

/** The moment a whole fetch must be over, shared by every connect, handshake and read of it. */
final class Deadline {

	private final long expiresAtNanos;

	private Deadline(long expiresAtNanos) {
		this.expiresAtNanos = expiresAtNanos;
	}

	static Deadline after(Duration duration) {
		return new Deadline(System.nanoTime() + duration.toNanos());
	}

	/**
	 * A socket timeout for the next blocking step: what is left of the fetch, or less if {@code cap} is shorter.
	 * Never 0, which sockets read as "wait forever".
	 *
	 * @throws SocketTimeoutException when no time is left
	 */
	int timeoutMillis(Duration cap) throws SocketTimeoutException {
		long remaining = Duration.ofNanos(expiresAtNanos - System.nanoTime()).toMillis();
		if (remaining <= 0) {
			throw new SocketTimeoutException("total time limit reached");
		}
		return (int) Math.max(1, Math.min(Math.min(remaining, cap.toMillis()), Integer.MAX_VALUE));
	}

	int timeoutMillis() throws SocketTimeoutException {
		return timeoutMillis(Duration.ofMillis(Integer.MAX_VALUE));
	}
}
