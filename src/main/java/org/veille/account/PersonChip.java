package org.veille.account;

import org.jspecify.annotations.Nullable;

/**
 * A person in a list of people: their login and the name they show.
 */
public record PersonChip(String login, @Nullable String displayName) {

	public String shownName() {
		return (this.displayName != null && !this.displayName.isBlank()) ? this.displayName : this.login;
	}

	public String path() {
		return "/people/" + this.login;
	}

}
