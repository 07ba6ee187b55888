package org.veille.account;

import java.time.Duration;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import org.veille.mail.Outbox;

/**
 * Queues the e-mails about an account, in the transaction of what causes them: the link that confirms
 * an address, the password-reset link, the warning to an address's owner that someone tried to sign up
 * with it, and the notice to the old address that a new one was asked for. {@link AccountMailComposer}
 * writes them.
 */
@Component
class AccountMails {

	static final String CONFIRM = "confirm";

	static final String RESET = "reset";

	static final String ADDRESS_TAKEN = "address-taken";

	static final String ADDRESS_CHANGING = "address-changing";

	static final Duration RESET_VALID_FOR = Duration.ofMinutes(30);

	static final Duration CONFIRM_VALID_FOR = Duration.ofDays(7);

	private final Outbox outbox;

	private final AccountTokens tokens;

	AccountMails(Outbox outbox, AccountTokens tokens) {
		this.outbox = outbox;
		this.tokens = tokens;
	}

	/** A link to confirm {@code address} (the person's own, or the new one they asked for). */
	@Transactional(propagation = Propagation.MANDATORY)
	void confirm(long accountId, String address) {
		String token = this.tokens.issue(AccountTokens.Purpose.CONFIRM, accountId, address, CONFIRM_VALID_FOR);
		this.outbox.queue(Outbox.Queued.account(CONFIRM, accountId, address, token));
	}

	@Transactional(propagation = Propagation.MANDATORY)
	void reset(long accountId) {
		String token = this.tokens.issue(AccountTokens.Purpose.RESET, accountId, null, RESET_VALID_FOR);
		this.outbox.queue(Outbox.Queued.account(RESET, accountId, null, token));
	}

	/** To the owner of an address someone else tried to sign up or move to. */
	@Transactional(propagation = Propagation.MANDATORY)
	void addressTaken(long ownerId) {
		this.outbox.queue(Outbox.Queued.account(ADDRESS_TAKEN, ownerId, null, null));
	}

	/** To the old address: a change to another was asked for (the letter names the latest one asked). */
	@Transactional(propagation = Propagation.MANDATORY)
	void addressChanging(long accountId, String oldAddress) {
		this.outbox.queue(Outbox.Queued.account(ADDRESS_CHANGING, accountId, oldAddress, null));
	}

}
