package org.veille.report;

import java.time.Clock;
import java.time.temporal.ChronoUnit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import org.veille.database.Timestamps;

/**
 * Reports sent by other servers (federation's {@code Flag}): filed in the same queue, the sending server's host
 * standing for the reporter, who has no account here and is told nothing of the outcome.
 */
@Component
public class RemoteReports {

	/** As a note typed here (reports_note_length). */
	public static final int MAX_NOTE = 1000;

	private final Reports reports;

	private final JdbcClient jdbc;

	private final Clock clock;

	RemoteReports(Reports reports, JdbcClient jdbc, Clock clock) {
		this.reports = reports;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Reports a live message in a live thread; false when there is none such or it is already reported from there. */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean message(String host, long messageId, String note) {
		return this.reports.message(messageId).map((subject) -> file(host, subject, note)).orElse(false);
	}

	/** Reports a person who is not suspended; false when there is none such or already reported from there. */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean person(String host, String login, String note) {
		return this.reports.person(login).map((subject) -> file(host, subject, note)).orElse(false);
	}

	private static String cut(String note) {
		if (note.length() <= MAX_NOTE) {
			return note;
		}
		int end = Character.isHighSurrogate(note.charAt(MAX_NOTE - 1)) ? MAX_NOTE - 1 : MAX_NOTE;
		return note.substring(0, end);
	}

	private boolean file(String host, Reports.Subject subject, String note) {
		return this.jdbc.sql("""
				insert into reports (remote_reporter, account_id, message_id, reason, note, created_at)
				values (:host, :account, :message, :reason, :note, :now)
				on conflict do nothing
				""")
			.param("host", host)
			.param("account", subject.accountId())
			.param("message", subject.messageId())
			.param("reason", ReportReason.OTHER.key())
			.param("note", cut(note))
			.param("now", Timestamps.of(this.clock.instant().truncatedTo(ChronoUnit.MICROS)))
			.update() == 1;
	}

}
