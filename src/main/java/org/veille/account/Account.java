package org.veille.account;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

@Entity
@Table(name = "accounts")
class Account {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@Column(nullable = false)
	private String login;

	@Column(nullable = false)
	private String email;

	@Column(name = "password_hash", nullable = false)
	private String passwordHash;

	@Column(name = "display_name")
	private @Nullable String displayName;

	private @Nullable String bio;

	private @Nullable String language;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	/** Kept by SQL ({@link PersonFeeds}); read here for the person's feeds. */
	@Column(name = "changed_at", nullable = false, updatable = false)
	private Instant changedAt;

	/** Kept by SQL ({@link PasswordResets}, {@link PasswordChange}); read at sign-in for the session's stamp. */
	@Column(name = "credentials_changed_at", insertable = false, updatable = false)
	private @Nullable Instant credentialsChangedAt;

	@Column(name = "email_verified_at", insertable = false, updatable = false)
	private @Nullable Instant emailVerifiedAt;

	/** Posts wait for a confirmed address ({@link PostingPermission}); false for accounts older than e-mail. */
	@Column(name = "must_confirm", nullable = false, updatable = false)
	private boolean mustConfirm;

	@SuppressWarnings("NullAway.Init")
	protected Account() {
		// for JPA
	}

	private Account(String login, String email, String passwordHash, Instant createdAt) {
		this.login = login;
		this.email = email;
		this.passwordHash = passwordHash;
		this.createdAt = createdAt;
		this.changedAt = createdAt;
		this.mustConfirm = true;
	}

	static Account register(String login, String email, String passwordHash, Instant now) {
		return new Account(login, email, passwordHash, now);
	}

	long id() {
		if (this.id == null) {
			throw new IllegalStateException("Account not saved yet");
		}
		return this.id;
	}

	String login() {
		return this.login;
	}

	String passwordHash() {
		return this.passwordHash;
	}

	@Nullable String displayName() {
		return this.displayName;
	}

	@Nullable String bio() {
		return this.bio;
	}

	String email() {
		return this.email;
	}

	@Nullable String language() {
		return this.language;
	}

	/** What the person says about themselves on the settings page; blank values are stored as none. */
	void changeProfile(@Nullable String displayName, @Nullable String bio, @Nullable String language) {
		this.displayName = blankToNull(displayName);
		this.bio = blankToNull(bio);
		this.language = blankToNull(language);
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.trim();
	}

	Instant createdAt() {
		return this.createdAt;
	}

	@Nullable Instant credentialsChangedAt() {
		return this.credentialsChangedAt;
	}

	boolean emailVerified() {
		return this.emailVerifiedAt != null;
	}

	Instant changedAt() {
		return this.changedAt;
	}

}
