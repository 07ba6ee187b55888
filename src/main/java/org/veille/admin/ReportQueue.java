package org.veille.admin;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import org.veille.account.CurrentAccount;
import org.veille.database.Timestamps;
import org.veille.report.ReportReason;
import org.veille.report.ReportStatus;

/**
 * The open reports, oldest first, and the one conditional statement that closes one: of two administrators
 * acting on a report at once, one closes it, the other learns who did.
 */
@Repository
class ReportQueue {

	static final int PAGE_SIZE = 50;

	/** An open report as the queue shows it: made by a person here, or sent by another server (its host). */
	record Open(long id, @Nullable String reporterLogin, @Nullable String reporterHost, String accountLogin, boolean accountSuspended, @Nullable Long messageId,
			@Nullable String title, @Nullable String body, boolean messageLive, ReportReason reason, String note,
			Instant createdAt) {
	}

	/** A report just closed: who made it (nobody here when another server sent it), and what it was about. */
	record Closed(long id, @Nullable Long reporterId, long accountId, @Nullable Long messageId) {
	}

	/** Who closed a report before, and how. */
	record Handled(String byLogin, ReportStatus status) {
	}

	private final JdbcClient jdbc;

	ReportQueue(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	List<Open> open() {
		// reports_open_idx: the open reports only, in the order they came.
		return this.jdbc.sql("""
				select r.id, rep.login as reporter_login, r.remote_reporter, a.login as account_login,
				       a.suspended_at is not null as account_suspended, r.message_id, m.title, m.body,
				       (m.id is not null and m.deleted_at is null) as message_live, r.reason, r.note, r.created_at
				from reports r
				left join accounts rep on rep.id = r.reporter_id
				join accounts a on a.id = r.account_id
				left join messages m on m.id = r.message_id
				where r.status = 'open'
				order by r.id limit :limit
				""")
			.param("limit", PAGE_SIZE)
			.query((rs, row) -> new Open(rs.getLong("id"), rs.getString("reporter_login"), rs.getString("remote_reporter"),
					rs.getString("account_login"),
					rs.getBoolean("account_suspended"), rs.getObject("message_id", Long.class), rs.getString("title"),
					rs.getString("body"), rs.getBoolean("message_live"),
					ReportReason.of(rs.getString("reason")).orElse(ReportReason.OTHER), rs.getString("note"),
					Timestamps.read(rs, "created_at")))
			.list();
	}

	/** Closes the report if it is still open; empty when another administrator closed it first. */
	@Transactional(propagation = Propagation.MANDATORY)
	Optional<Closed> close(long reportId, ReportStatus status, CurrentAccount admin, Instant now) {
		return this.jdbc.sql("""
				update reports set status = :status, handled_by = :admin, handled_by_login = :adminLogin,
				                   handled_at = :now
				where id = :id and status = 'open'
				returning id, reporter_id, account_id, message_id
				""")
			.param("status", status.key())
			.param("admin", admin.id())
			.param("adminLogin", admin.login())
			.param("now", Timestamps.of(now))
			.param("id", reportId)
			.query(ReportQueue::closed)
			.optional();
	}

	/**
	 * The other open reports the same action answers (the same message hidden, the same person suspended)
	 * are closed with it, so that their reporters are told too.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	List<Closed> closeAlike(Closed closed, ReportStatus status, CurrentAccount admin, Instant now) {
		String alike = (status == ReportStatus.SUSPENDED) ? "account_id = :account" : "message_id = :message";
		return this.jdbc.sql("""
				update reports set status = :status, handled_by = :admin, handled_by_login = :adminLogin,
				                   handled_at = :now
				where status = 'open' and %s
				returning id, reporter_id, account_id, message_id
				""".formatted(alike))
			.param("status", status.key())
			.param("admin", admin.id())
			.param("adminLogin", admin.login())
			.param("now", Timestamps.of(now))
			.param("account", closed.accountId())
			.param("message", closed.messageId())
			.query(ReportQueue::closed)
			.list();
	}

	private static Closed closed(ResultSet rs, int row) throws SQLException {
		return new Closed(rs.getLong("id"), rs.getObject("reporter_id", Long.class), rs.getLong("account_id"),
				rs.getObject("message_id", Long.class));
	}

	/** Who closed this report, if it exists. */
	@Transactional(readOnly = true)
	Optional<Handled> handled(long reportId) {
		return this.jdbc
			.sql("select coalesce(handled_by_login, '?') as by_login, status from reports where id = :id and status <> 'open'")
			.param("id", reportId)
			.query((rs, row) -> new Handled(rs.getString("by_login"), ReportStatus.of(rs.getString("status"))))
			.optional();
	}

}
