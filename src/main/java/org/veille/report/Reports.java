package org.veille.report;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.veille.database.Timestamps;

/** Files reports. A person cannot report themselves; the same open report twice is kept once. */
@Service
class Reports {

	/** What filing did. */
	enum Filed {

		FILED, ALREADY, OWN

	}

	/** What is reported, as the report form shows it. */
	record Subject(long accountId, String login, @Nullable Long messageId, @Nullable String title) {
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	Reports(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** A live message in a live thread, with its author; empty once it is deleted or hidden. */
	@Transactional(readOnly = true)
	Optional<Subject> message(long messageId) {
		return this.jdbc.sql("""
				select m.id, m.title, a.id as account_id, a.login from messages m
				join messages t on t.id = coalesce(m.thread_id, m.id) and t.deleted_at is null
				join accounts a on a.id = m.author_id
				where m.id = :id and m.deleted_at is null
				""")
			.param("id", messageId)
			.query((rs, row) -> new Subject(rs.getLong("account_id"), rs.getString("login"), rs.getLong("id"),
					rs.getString("title")))
			.optional();
	}

	/** A person who is not suspended. */
	@Transactional(readOnly = true)
	Optional<Subject> person(String login) {
		return this.jdbc.sql("select id, login from accounts where lower(login) = lower(:login) and suspended_at is null")
			.param("login", login)
			.query((rs, row) -> new Subject(rs.getLong("id"), rs.getString("login"), null, null))
			.optional();
	}

	@Transactional
	Filed file(long reporterId, Subject subject, ReportReason reason, String note) {
		if (subject.accountId() == reporterId) {
			return Filed.OWN;
		}
		int inserted = this.jdbc.sql("""
				insert into reports (reporter_id, account_id, message_id, reason, note, created_at)
				values (:reporter, :account, :message, :reason, :note, :now)
				on conflict do nothing
				""")
			.param("reporter", reporterId)
			.param("account", subject.accountId())
			.param("message", subject.messageId())
			.param("reason", reason.key())
			.param("note", note)
			.param("now", Timestamps.of(this.clock.instant().truncatedTo(ChronoUnit.MICROS)))
			.update();
		return (inserted == 1) ? Filed.FILED : Filed.ALREADY;
	}

}
