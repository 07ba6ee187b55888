package org.veille.account;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import org.veille.database.Timestamps;

/**
 * The sign-up mode (one row of {@code site_settings}) and the invitation links. A link's token is shown
 * once; only its SHA-256 is kept, as API tokens are. Taking one use of a link is one conditional update in
 * the sign-up's transaction: a sign-up refused later gives its use back, and of two sign-ups racing for the
 * last use exactly one gets it.
 */
@Service
public class SiteSignups {

	/** An invitation as the administration lists it. */
	public record Invitation(long id, Instant createdAt, Instant expiresAt, int usesLeft, int uses,
			boolean usable) {
	}

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final Clock clock;

	SiteSignups(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public SignupMode mode() {
		return this.jdbc.sql("select signup_mode from site_settings")
			.query(String.class)
			.optional()
			.flatMap(SignupMode::of)
			.orElse(SignupMode.OPEN);
	}

	/** Sets the mode; false when it was so already. */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean changeMode(SignupMode mode) {
		return this.jdbc.sql("update site_settings set signup_mode = :mode where signup_mode <> :mode")
			.param("mode", mode.key())
			.update() > 0;
	}

	/** A new link's token, valid this long for this many sign-ups. */
	@Transactional(propagation = Propagation.MANDATORY)
	public String invite(long adminId, Duration validFor, int uses) {
		byte[] random = new byte[24];
		RANDOM.nextBytes(random);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		Instant now = now();
		this.jdbc.sql("""
				insert into invitations (token_hash, created_by, created_at, expires_at, uses_left)
				values (:hash, :admin, :now, :expires, :uses)
				""")
			.param("hash", ApiTokens.hash(token))
			.param("admin", adminId)
			.param("now", Timestamps.of(now))
			.param("expires", Timestamps.of(now.plus(validFor)))
			.param("uses", uses)
			.update();
		return token;
	}

	@Transactional(readOnly = true)
	public List<Invitation> invitations() {
		return this.jdbc.sql("""
				select id, created_at, expires_at, uses_left, uses, uses_left > 0 and expires_at > :now as usable
				from invitations order by id desc limit 50
				""")
			.param("now", Timestamps.of(now()))
			.query((rs, row) -> new Invitation(rs.getLong("id"), Timestamps.read(rs, "created_at"),
					Timestamps.read(rs, "expires_at"), rs.getInt("uses_left"), rs.getInt("uses"),
					rs.getBoolean("usable")))
			.list();
	}

	/** Whether this link can be used now (the sign-up form says so before anything is typed). */
	@Transactional(readOnly = true)
	boolean usable(String token) {
		return this.jdbc.sql("select count(*) from invitations where token_hash = :hash and uses_left > 0 and expires_at > :now")
			.param("hash", ApiTokens.hash(token))
			.param("now", Timestamps.of(now()))
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * Lets a sign-up through under the site's mode, taking one use of its invitation when the mode asks for one.
	 * @throws SignupRefusedException when the mode refuses it
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	void admit(@Nullable String invitation) {
		switch (mode()) {
			case OPEN -> {
			}
			case CLOSED -> throw SignupRefusedException.closed();
			case INVITATION -> {
				if (invitation == null || invitation.isBlank()) {
					throw SignupRefusedException.invitationNeeded();
				}
				int taken = this.jdbc.sql("""
						update invitations set uses_left = uses_left - 1, uses = uses + 1
						where token_hash = :hash and uses_left > 0 and expires_at > :now
						""")
					.param("hash", ApiTokens.hash(invitation.strip()))
					.param("now", Timestamps.of(now()))
					.update();
				if (taken == 0) {
					throw SignupRefusedException.invitationSpent();
				}
			}
		}
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

}
