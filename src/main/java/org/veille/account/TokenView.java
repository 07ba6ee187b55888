package org.veille.account;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * An API token as the settings page lists it: never the token itself, which is not kept.
 */
public record TokenView(long id, String name, Instant createdAt, Instant lastUsedAt) {

	private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	public String createdShown() {
		return SHOWN.format(this.createdAt);
	}

	public String lastUsedShown() {
		return SHOWN.format(this.lastUsedAt);
	}

}
