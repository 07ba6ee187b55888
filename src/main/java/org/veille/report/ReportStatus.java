package org.veille.report;

import java.util.Locale;

/** Where a report stands; the keys of the {@code reports.status} column. */
public enum ReportStatus {

	/** Waiting in the queue. */
	OPEN,
	/** The message was hidden. */
	HIDDEN,
	/** Nothing to do. */
	DISMISSED,
	/** The author (or the person reported) was suspended. */
	SUSPENDED;

	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static ReportStatus of(String key) {
		return valueOf(key.toUpperCase(Locale.ROOT));
	}

}
