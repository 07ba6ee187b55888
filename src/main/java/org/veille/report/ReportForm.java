package org.veille.report;

import org.jspecify.annotations.Nullable;

/** The report form: a reason (one of {@link ReportReason}) and an optional note. */
record ReportForm(@Nullable String reason, @Nullable String note) {

	static final int NOTE_LIMIT = 1000;

	static ReportForm empty() {
		return new ReportForm(null, "");
	}

	String noteText() {
		return (this.note != null) ? this.note.strip() : "";
	}

}
