package org.veille.notify;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of notification e-mail, each with the column of {@code notification_settings} that turns it on
 * and its default (replies to one's threads and mentions on, the others off).
 */
enum Notification {

	REPLY("reply", "on_reply", true),
	MENTION("mention", "on_mention", true),
	REPLY_AFTER("reply-after", "on_reply_after", false),
	FOLLOW("follow", "on_follow", false),
	STAR("star", "on_star", false),
	DIGEST("digest", "digest", false);

	private final String kind;

	private final String column;

	private final boolean byDefault;

	Notification(String kind, String column, boolean byDefault) {
		this.kind = kind;
		this.column = column;
		this.byDefault = byDefault;
	}

	/** The outbox's kind, also the unsubscribe link's. */
	String kind() {
		return this.kind;
	}

	String column() {
		return this.column;
	}

	boolean byDefault() {
		return this.byDefault;
	}

	/** The SQL condition that this notification is on for the settings row {@code s} (left-joined). */
	String isOn() {
		if (this == DIGEST) {
			return "coalesce(s.digest, 'off') <> 'off'";
		}
		return "coalesce(s." + this.column + ", " + this.byDefault + ")";
	}

	static Optional<Notification> ofKind(String kind) {
		return Arrays.stream(values()).filter((n) -> n.kind.equals(kind)).findFirst();
	}

}
