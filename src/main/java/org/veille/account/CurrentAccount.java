package org.veille.account;

import java.util.List;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * The signed-in person, as handlers receive it with {@code @AuthenticationPrincipal}.
 */
public class CurrentAccount extends User {

	private final long id;

	CurrentAccount(long id, String login, String passwordHash) {
		super(login, passwordHash, List.of(new SimpleGrantedAuthority("ROLE_USER")));
		this.id = id;
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
