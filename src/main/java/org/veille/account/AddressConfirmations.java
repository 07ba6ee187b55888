package org.veille.account;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Confirming an address with the link mailed to it: the person's own address at sign-up (or again from
 * /settings), or a new address, which replaces the old one only now.
 */
@Service
class AddressConfirmations {

	enum Outcome {

		CONFIRMED, UNUSABLE, TAKEN

	}

	private final AccountTokens tokens;

	private final AccountMails mails;

	private final JdbcClient jdbc;

	AddressConfirmations(AccountTokens tokens, AccountMails mails, JdbcClient jdbc) {
		this.tokens = tokens;
		this.mails = mails;
		this.jdbc = jdbc;
	}

	/** The address this link confirms, while it is usable. */
	@Transactional(readOnly = true)
	Optional<String> address(String token) {
		return this.tokens.peek(AccountTokens.Purpose.CONFIRM, token).map(AccountTokens.Holder::address);
	}

	@Transactional
	Outcome confirm(String token) {
		Optional<AccountTokens.Holder> holder = this.tokens.consume(AccountTokens.Purpose.CONFIRM, token);
		if (holder.isEmpty() || holder.get().address() == null) {
			return Outcome.UNUSABLE;
		}
		int changed = this.jdbc.sql("""
				update accounts set email = :address, email_verified_at = now()
				where id = :id and not exists (
				    select 1 from accounts o where lower(o.email) = lower(:address) and o.id <> :id)
				""").param("address", holder.get().address()).param("id", holder.get().accountId()).update();
		return (changed > 0) ? Outcome.CONFIRMED : Outcome.TAKEN;
	}

	/** Mails the person a new link for their current address, unless it is confirmed already. */
	@Transactional
	boolean sendAgain(long accountId) {
		Optional<String> unconfirmed = this.jdbc.sql("""
				select email from accounts where id = :id and email_verified_at is null
				""").param("id", accountId).query(String.class).optional();
		unconfirmed.ifPresent((address) -> this.mails.confirm(accountId, address));
		return unconfirmed.isPresent();
	}

}
