package org.veille.admin;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import org.veille.account.CurrentAccount;
import org.veille.database.Timestamps;
import org.veille.message.AuthorSuspension;

/**
 * Suspends a person and lifts a suspension. A suspended person cannot sign in (their account is locked),
 * their open sessions end at their next request and their API tokens and password stop working (all
 * read {@code accounts.suspended_at}), and their messages are hidden everywhere in the same transaction
 * ({@link AuthorSuspension}). Each change is written in the moderation log.
 */
@Service
class Suspensions {

	/** What a suspension or its lifting did: nothing when the account was already so. */
	enum Outcome {

		DONE, ALREADY, UNKNOWN, SELF

	}

	private final JdbcClient jdbc;

	private final AuthorSuspension messages;

	private final ModerationLog log;

	private final ModerationMails mails;

	private final Clock clock;

	Suspensions(JdbcClient jdbc, AuthorSuspension messages, ModerationLog log, ModerationMails mails, Clock clock) {
		this.mails = mails;
		this.jdbc = jdbc;
		this.messages = messages;
		this.log = log;
		this.clock = clock;
	}

	@Transactional
	Outcome suspend(CurrentAccount admin, String login, @Nullable String note) {
		Long id = accountId(login);
		if (id == null) {
			return Outcome.UNKNOWN;
		}
		return suspend(admin, id, note, null, now());
	}

	/** Suspends the author of a report's subject, from the reports queue; in the caller's transaction. */
	@Transactional(propagation = Propagation.MANDATORY)
	Outcome suspend(CurrentAccount admin, long accountId, @Nullable String note, @Nullable Long reportId,
			Instant now) {
		if (accountId == admin.id()) {
			return Outcome.SELF;
		}
		// Conditional: of two administrators suspending at once, one does it, the other is told it is done.
		int changed = this.jdbc.sql("update accounts set suspended_at = :now where id = :id and suspended_at is null")
			.param("now", Timestamps.of(now))
			.param("id", accountId)
			.update();
		if (changed == 0) {
			return Outcome.ALREADY;
		}
		this.messages.hide(accountId, now);
		this.mails.suspended(accountId);
		this.log.record(admin, ModerationLog.Action.SUSPEND, accountId, null, reportId, note, now);
		return Outcome.DONE;
	}

	@Transactional
	Outcome unsuspend(CurrentAccount admin, String login) {
		Long id = accountId(login);
		if (id == null) {
			return Outcome.UNKNOWN;
		}
		Instant now = now();
		int changed = this.jdbc.sql("update accounts set suspended_at = null where id = :id and suspended_at is not null")
			.param("id", id)
			.update();
		if (changed == 0) {
			return Outcome.ALREADY;
		}
		this.messages.restore(id, now);
		this.log.record(admin, ModerationLog.Action.UNSUSPEND, id, null, null, now);
		return Outcome.DONE;
	}

	private @Nullable Long accountId(String login) {
		return this.jdbc.sql("select id from accounts where lower(login) = lower(:login)")
			.param("login", login)
			.query(Long.class)
			.optional()
			.orElse(null);
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

}
