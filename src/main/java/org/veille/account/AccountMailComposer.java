package org.veille.account;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.veille.mail.Composer;
import org.veille.mail.Envelope;
import org.veille.mail.Letter;
import org.veille.mail.MailLinks;
import org.veille.mail.MailTemplates;
import org.veille.mail.Recipients;
import org.veille.mail.Recipients.Recipient;

/**
 * Writes the account e-mails of {@link AccountMails} when they are sent, in the person's language. They
 * go to unconfirmed addresses too (confirming one is their point), carry no unsubscribe link, and their
 * link's token leaves the outbox once sent.
 */
@Component
class AccountMailComposer implements Composer {

	private final Recipients recipients;

	private final MailTemplates templates;

	private final MailLinks links;

	private final MessageSource messages;

	private final JdbcClient jdbc;

	AccountMailComposer(Recipients recipients, MailTemplates templates, MailLinks links, MessageSource messages,
			JdbcClient jdbc) {
		this.recipients = recipients;
		this.templates = templates;
		this.links = links;
		this.messages = messages;
		this.jdbc = jdbc;
	}

	@Override
	public Set<String> kinds() {
		return Set.of(AccountMails.CONFIRM, AccountMails.RESET, AccountMails.ADDRESS_TAKEN,
				AccountMails.ADDRESS_CHANGING);
	}

	@Override
	public Optional<Letter> compose(Envelope envelope) {
		Recipient person = this.recipients.find(envelope.recipientId()).orElse(null);
		if (person == null) {
			return Optional.empty();
		}
		String to = (envelope.address() != null) ? envelope.address() : person.email();
		String secret = envelope.secret();
		String link = switch (envelope.kind()) {
			case AccountMails.CONFIRM -> (secret != null) ? this.links.absolute("/email/confirm/" + secret) : null;
			case AccountMails.RESET -> (secret != null) ? this.links.absolute("/password/reset/" + secret) : null;
			default -> this.links.absolute("/login/forgot");
		};
		if (link == null) {
			return Optional.empty();
		}
		String newAddress = AccountMails.ADDRESS_CHANGING.equals(envelope.kind()) ? pendingAddress(person.id()) : "";
		Map<String, Object> variables = Map.of("kind", envelope.kind(), "login", person.login(), "name", person.name(),
				"link", link, "address", to, "newAddress", newAddress, "site", this.links.base(), "minutes",
				AccountMails.RESET_VALID_FOR.toMinutes());
		String subject = this.messages.getMessage("mail." + envelope.kind() + ".subject", new Object[] { this.links.siteName() },
				person.locale());
		return Optional.of(Letter.single(to, subject, this.templates.render("account", person.locale(), variables)));
	}

	/** The latest address this person asked to move to, still waiting for its confirmation. */
	private String pendingAddress(long accountId) {
		return this.jdbc.sql("""
				select t.address from account_tokens t join accounts a on a.id = t.account_id
				where t.account_id = :account and t.purpose = 'confirm' and t.address is not null
				  and lower(t.address) <> lower(a.email)
				order by t.created_at desc limit 1
				""").param("account", accountId).query(String.class).optional().orElse("");
	}

}
