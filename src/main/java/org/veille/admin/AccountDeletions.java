package org.veille.admin;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.veille.account.CurrentAccount;
import org.veille.message.AuthorSuspension;

/**
 * Deletes an account and its content for good, once the administrator typed its login. Its messages are first
 * hidden as a suspension hides them (so every derived table and counter is set right), then deleted with their
 * threads' replies; the account's row goes last, taking its follows, tokens, sessions' ground and e-mails with
 * it (foreign keys cascade). The moderation log keeps the login.
 */
@Service
class AccountDeletions {

	/** What came of it. */
	enum Outcome {

		DONE, NOT_CONFIRMED, UNKNOWN, SELF

	}

	private final JdbcClient jdbc;

	private final AuthorSuspension messages;

	private final ModerationLog log;

	private final Clock clock;

	AccountDeletions(JdbcClient jdbc, AuthorSuspension messages, ModerationLog log, Clock clock) {
		this.jdbc = jdbc;
		this.messages = messages;
		this.log = log;
		this.clock = clock;
	}

	@Transactional
	Outcome delete(CurrentAccount admin, String login, @Nullable String typed) {
		Long id = this.jdbc.sql("select id from accounts where lower(login) = lower(:login) for update")
			.param("login", login)
			.query(Long.class)
			.optional()
			.orElse(null);
		if (id == null) {
			return Outcome.UNKNOWN;
		}
		if (id == admin.id()) {
			return Outcome.SELF;
		}
		if (typed == null || !typed.strip().replaceFirst("^@", "").equalsIgnoreCase(login)) {
			return Outcome.NOT_CONFIRMED;
		}
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		this.messages.hide(id, now);
		this.messages.purge(id);
		this.log.record(admin, ModerationLog.Action.DELETE_ACCOUNT, id, null, null, now);
		this.jdbc.sql("delete from accounts where id = :id").param("id", id).update();
		return Outcome.DONE;
	}

}
