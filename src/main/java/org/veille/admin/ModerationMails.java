package org.veille.admin;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import org.veille.mail.Outbox;

/**
 * Queues the e-mails of moderation, in the transaction of the action: to a suspended person (after the
 * e-mails still queued for them are dropped), and to a reporter whose report was handled.
 * {@link ModerationMailComposer} writes them.
 */
@Component
class ModerationMails {

	static final String SUSPENDED = "suspended";

	static final String REPORT_HANDLED = "report-handled";

	private final Outbox outbox;

	ModerationMails(Outbox outbox) {
		this.outbox = outbox;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	void suspended(long accountId) {
		this.outbox.dropQueuedFor(accountId, "the account was suspended");
		this.outbox.queue(Outbox.Queued.account(SUSPENDED, accountId, null, null));
	}

	@Transactional(propagation = Propagation.MANDATORY)
	void reportHandled(long reporterId, long reportId) {
		this.outbox.queue(new Outbox.Queued(REPORT_HANDLED, reporterId, null, null, null, "report:" + reportId,
				Long.toString(reportId)));
	}

}
