package org.veille.admin;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.veille.account.CurrentAccount;
import org.veille.message.MessageModeration;
import org.veille.report.ReportStatus;

/**
 * What an administrator does with a report: hide the message, dismiss the report, or suspend the person.
 * The report is closed first by a conditional update, so that of two administrators acting at once
 * exactly one acts; the other is told who did.
 */
@Service
class ReportActions {

	/** The three answers to a report. */
	enum Action {

		HIDE(ReportStatus.HIDDEN), DISMISS(ReportStatus.DISMISSED), SUSPEND(ReportStatus.SUSPENDED);

		final ReportStatus status;

		Action(ReportStatus status) {
			this.status = status;
		}

		static Optional<Action> of(String name) {
			for (Action action : values()) {
				if (action.name().equalsIgnoreCase(name)) {
					return Optional.of(action);
				}
			}
			return Optional.empty();
		}

	}

	/** What came of it: done, or handled before by someone (their login and what they did), or no such report. */
	record Result(boolean done, @Nullable String byLogin, @Nullable ReportStatus status) {

		static Result ofDone() {
			return new Result(true, null, null);
		}

	}

	private final ReportQueue queue;

	private final MessageModeration messages;

	private final Suspensions suspensions;

	private final ModerationLog log;

	private final ModerationMails mails;

	private final Clock clock;

	ReportActions(ReportQueue queue, MessageModeration messages, Suspensions suspensions, ModerationLog log,
			ModerationMails mails, Clock clock) {
		this.mails = mails;
		this.queue = queue;
		this.messages = messages;
		this.suspensions = suspensions;
		this.log = log;
		this.clock = clock;
	}

	@Transactional
	Result act(CurrentAccount admin, long reportId, Action action) {
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		Optional<ReportQueue.Closed> closing = this.queue.close(reportId, action.status, admin, now);
		if (closing.isEmpty()) {
			return this.queue.handled(reportId)
				.map((handled) -> new Result(false, handled.byLogin(), handled.status()))
				.orElse(new Result(false, null, null));
		}
		ReportQueue.Closed closed = closing.get();
		String note = "report #" + reportId;
		switch (action) {
			case HIDE -> {
				if (closed.messageId() != null) {
					this.messages.hide(closed.messageId());
				}
				this.log.record(admin, ModerationLog.Action.HIDE_MESSAGE, closed.accountId(), closed.messageId(),
						reportId, note, now);
			}
			case DISMISS -> this.log.record(admin, ModerationLog.Action.DISMISS_REPORT, closed.accountId(),
					closed.messageId(), reportId, note, now);
			case SUSPEND -> this.suspensions.suspend(admin, closed.accountId(), note, reportId, now);
		}
		List<ReportQueue.Closed> answered = new ArrayList<>(List.of(closed));
		if (action != Action.DISMISS) {
			answered.addAll(this.queue.closeAlike(closed, action.status, admin, now));
		}
		for (ReportQueue.Closed report : answered) {
			// A report sent by another server has nobody here to tell.
			Long reporter = report.reporterId();
			if (reporter != null) {
				this.mails.reportHandled(reporter, report.id());
			}
		}
		return Result.ofDone();
	}

}
