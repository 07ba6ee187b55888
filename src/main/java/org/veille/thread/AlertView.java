package org.veille.thread;

import java.util.Locale;

/**
 * One alert: a message, why it is shown, and the title of its thread.
 */
public record AlertView(ThreadSummary message, Reason reason, String threadTitle) {

	public enum Reason {

		/** A reply in a thread the reader started or replied to. */
		REPLY,
		/** A message mentioning the reader. */
		MENTION,
		/** A reply by someone the reader follows. */
		FOLLOWEE;

		static Reason of(String stored) {
			return valueOf(stored.toUpperCase(Locale.ROOT));
		}

		/** The key of the label that explains it. */
		public String messageKey() {
			return "alerts.reason." + name().toLowerCase(Locale.ROOT);
		}

	}

}
