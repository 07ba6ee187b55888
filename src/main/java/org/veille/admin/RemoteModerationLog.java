package org.veille.admin;

import java.time.Clock;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import org.veille.account.CurrentAccount;

/**
 * The moderation log's entries for other servers (the federation package's admin page): a server blocked or
 * unblocked, one of its accounts suspended or let back. The target is a host or a remote account, kept as the note.
 */
@Component
public class RemoteModerationLog {

	/** What an administrator did to another server or one of its accounts. */
	public enum Action {

		BLOCK_SERVER(ModerationLog.Action.BLOCK_SERVER), UNBLOCK_SERVER(ModerationLog.Action.UNBLOCK_SERVER),
		SUSPEND_ACCOUNT(ModerationLog.Action.SUSPEND_REMOTE), UNSUSPEND_ACCOUNT(ModerationLog.Action.UNSUSPEND_REMOTE);

		private final ModerationLog.Action logged;

		Action(ModerationLog.Action logged) {
			this.logged = logged;
		}

	}

	private final ModerationLog log;

	private final Clock clock;

	RemoteModerationLog(ModerationLog log, Clock clock) {
		this.log = log;
		this.clock = clock;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void record(CurrentAccount admin, Action action, String target) {
		this.log.record(admin, action.logged, null, null, target, this.clock.instant());
	}

}
