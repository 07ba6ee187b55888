package org.veille.report;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import org.veille.database.Timestamps;

/** What became of a person's reports, for their alerts page: the latest handled ones. */
@Repository
@Transactional(readOnly = true)
public class ReportOutcomes {

	static final int SHOWN = 10;

	/** A handled report: what was reported, why, and what an administrator did. */
	public record Outcome(long id, String login, @Nullable String title, ReportReason reason, ReportStatus status,
			Instant handledAt) {

		public String messageKey() {
			return "report.outcome." + this.status.key();
		}

	}

	private final JdbcClient jdbc;

	ReportOutcomes(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Outcome> latest(long reporterId) {
		// reports_outcomes_idx: this reporter's handled reports, newest first.
		return this.jdbc.sql("""
				select r.id, a.login, m.title, r.reason, r.status, r.handled_at from reports r
				join accounts a on a.id = r.account_id
				left join messages m on m.id = r.message_id
				where r.reporter_id = :reporter and r.status <> 'open'
				order by r.handled_at desc limit :limit
				""")
			.param("reporter", reporterId)
			.param("limit", SHOWN)
			.query((rs, row) -> new Outcome(rs.getLong("id"), rs.getString("login"), rs.getString("title"),
					ReportReason.of(rs.getString("reason")).orElse(ReportReason.OTHER),
					ReportStatus.of(rs.getString("status")), Timestamps.read(rs, "handled_at")))
			.list();
	}

}
