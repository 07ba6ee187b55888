package org.veille.account;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A person as their page shows them.
 */
public record PersonView(long id, String login, @Nullable String displayName, @Nullable String bio, Instant joinedAt,
		Instant changedAt) {

	public String shownName() {
		return (this.displayName != null && !this.displayName.isBlank()) ? this.displayName : this.login;
	}

	public String path() {
		return "/people/" + this.login;
	}

	public String onlyPath() {
		return path() + "/only";
	}

}
