package org.veille.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/** Why something is reported; the keys of the {@code reports.reason} column. */
public enum ReportReason {

	SPAM, ABUSE, ILLEGAL, OTHER;

	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	public String messageKey() {
		return "report.reason." + key();
	}

	public static Optional<ReportReason> of(@Nullable String key) {
		return Arrays.stream(values()).filter((reason) -> reason.key().equals(key)).findFirst();
	}

}
