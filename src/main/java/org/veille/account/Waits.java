package org.veille.account;

import java.time.Duration;

/**
 * How a wait is told to people: in whole minutes, rounded up, at least one.
 */
final class Waits {

	private Waits() {
	}

	static long minutes(Duration wait) {
		long seconds = Math.max(1, wait.toSeconds());
		return (seconds + 59) / 60;
	}

}
