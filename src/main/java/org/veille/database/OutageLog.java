package org.veille.database;

import java.time.Duration;

import org.slf4j.Logger;

/**
 * Keeps a database outage from flooding the log: while PostgreSQL cannot be reached, a loop or a page
 * that meets the failure again and again writes one line per {@value #INTERVAL_SECONDS} seconds (with how
 * many failures it leaves out), no stack trace, and one line when the database answers again.
 */
public final class OutageLog {

	static final long INTERVAL_SECONDS = 30;

	private static final long INTERVAL_NANOS = Duration.ofSeconds(INTERVAL_SECONDS).toNanos();

	private final Logger logger;

	private final String what;

	private boolean down;

	private long reportedAt;

	private int unreported;

	/** @param what who meets the failure, as the log should name it ("Fetch workers", say) */
	public OutageLog(Logger logger, String what) {
		this.logger = logger;
		this.what = what;
	}

	/**
	 * Reports this failure if it is the database being unreachable (at most a line per interval);
	 * false for any other failure, which the caller logs as it would.
	 */
	public boolean unreachable(Throwable failure) {
		if (!DatabaseUnavailable.causedBy(failure)) {
			return false;
		}
		long now = System.nanoTime();
		synchronized (this) {
			if (this.down && now - this.reportedAt < INTERVAL_NANOS) {
				this.unreported++;
				return true;
			}
			int left = this.unreported;
			this.down = true;
			this.reportedAt = now;
			this.unreported = 0;
			this.logger.warn("{}: the database cannot be reached ({}){}", this.what, failure.getMessage(),
					(left > 0) ? "; " + left + " more failures since the last line" : "");
		}
		return true;
	}

	/** The database answered: the end of an outage is logged once. */
	public void reachable() {
		synchronized (this) {
			if (!this.down) {
				return;
			}
			this.down = false;
			this.unreported = 0;
		}
		this.logger.info("{}: the database answers again", this.what);
	}

}
