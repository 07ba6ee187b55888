package org.veille.account;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * The signed-in person, as handlers receive it with {@code @AuthenticationPrincipal}.
 */
public class CurrentAccount extends User {

	private final long id;

	private final @Nullable String language;

	CurrentAccount(long id, String login, String passwordHash) {
		this(id, login, passwordHash, null);
	}

	CurrentAccount(long id, String login, String passwordHash, @Nullable String language) {
		super(login, passwordHash, List.of(new SimpleGrantedAuthority("ROLE_USER")));
		this.id = id;
		this.language = language;
	}

	/** The language chosen on the settings page when the person signed in, or null: the browser's. */
	public @Nullable String language() {
		return this.language;
	}

	public long id() {
		return this.id;
	}

	public String login() {
		return getUsername();
	}

	@Override
	public boolean equals(Object other) {
		return super.equals(other);
	}

	@Override
	public int hashCode() {
		return super.hashCode();
	}

}
