package org.veille.account;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * The signed-in person, as handlers receive it with {@code @AuthenticationPrincipal}.
 */
public class CurrentAccount extends User {

	/**
	 * Fixed at the value Java computed for the class before it was written down, so that sessions stored until
	 * then stay readable and a compatible change keeps people signed in across an upgrade.
	 */
	private static final long serialVersionUID = 2570603796062109843L;

	private final long id;

	private final @Nullable String language;

	private final @Nullable Instant credentialsStamp;

	private final Role role;

	CurrentAccount(long id, String login, String passwordHash, Role role) {
		this(id, login, passwordHash, null, null, role, false);
	}

	/**
	 * @param credentialsStamp the account's {@code credentials_changed_at} when the person signed in: a session
	 * whose stamp is no longer the account's ends ({@link CredentialsStampFilter}); null for requests that
	 * carry their credentials (the API)
	 */
	CurrentAccount(long id, String login, String passwordHash, @Nullable String language,
			@Nullable Instant credentialsStamp, Role role, boolean suspended) {
		super(login, passwordHash, true, true, true, !suspended, role.authorities());
		this.id = id;
		this.language = language;
		this.credentialsStamp = credentialsStamp;
		this.role = role;
	}

	/** What a person may do beyond their own content: an administrator also moderates ({@code /admin}). */
	enum Role {

		MEMBER, ADMIN;

		List<SimpleGrantedAuthority> authorities() {
			return (this == ADMIN)
					? List.of(new SimpleGrantedAuthority("ROLE_USER"), new SimpleGrantedAuthority("ROLE_ADMIN"))
					: List.of(new SimpleGrantedAuthority("ROLE_USER"));
		}

	}

	public boolean isAdmin() {
		return this.role == Role.ADMIN;
	}

	@Nullable Instant credentialsStamp() {
		return this.credentialsStamp;
	}

	/** The same person after a new password: the stamp this session now carries. */
	CurrentAccount withCredentials(String passwordHash, Instant stamp) {
		return new CurrentAccount(this.id, login(), passwordHash, this.language, stamp, this.role, false);
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
