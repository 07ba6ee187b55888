package org.veille.admin;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

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
 * Writes the e-mails of {@link ModerationMails} in the person's language: "your account was suspended" (sent
 * although the account is suspended) and "your report was handled" (what was done, read when it is sent).
 */
@Component
class ModerationMailComposer implements Composer {

	private final Recipients recipients;

	private final MailTemplates templates;

	private final MailLinks links;

	private final MessageSource messages;

	private final JdbcClient jdbc;

	ModerationMailComposer(Recipients recipients, MailTemplates templates, MailLinks links, MessageSource messages,
			JdbcClient jdbc) {
		this.recipients = recipients;
		this.templates = templates;
		this.links = links;
		this.messages = messages;
		this.jdbc = jdbc;
	}

	@Override
	public Set<String> kinds() {
		return Set.of(ModerationMails.SUSPENDED, ModerationMails.REPORT_HANDLED);
	}

	@Override
	public Optional<Letter> compose(Envelope envelope) {
		boolean suspension = ModerationMails.SUSPENDED.equals(envelope.kind());
		Recipient person = (suspension ? this.recipients.findEvenSuspended(envelope.recipientId())
				: this.recipients.find(envelope.recipientId()))
			.orElse(null);
		if (person == null) {
			return Optional.empty();
		}
		Map<String, Object> variables = new HashMap<>();
		variables.put("name", person.name());
		variables.put("login", person.login());
		variables.put("site", this.links.base());
		variables.put("address", person.email());
		String key;
		if (suspension) {
			key = "mail.suspended";
			variables.put("subject", "");
			variables.put("link", this.links.absolute("/"));
		}
		else {
			Handled handled = handled(envelope.secret());
			if (handled == null) {
				return Optional.empty();
			}
			key = "mail.report-handled." + handled.status();
			variables.put("subject", (handled.title() != null)
					? this.messages.getMessage("mail.report-handled.quoted", new Object[] { handled.title() },
							person.locale())
					: "@" + handled.login());
			variables.put("link", this.links.absolute("/alerts"));
		}
		variables.put("key", key);
		String subject = this.messages.getMessage(key + ".subject", new Object[] { this.links.siteName() },
				person.locale());
		return Optional.of(Letter.single(person.email(), subject,
				this.templates.render("moderation", person.locale(), variables)));
	}

	private record Handled(String status, String login, @Nullable String title) {
	}

	/** The handled report this e-mail is about; null once it is gone. */
	private @Nullable Handled handled(@Nullable String reportId) {
		if (reportId == null) {
			return null;
		}
		return this.jdbc.sql("""
				select r.status, a.login, m.title from reports r join accounts a on a.id = r.account_id
				left join messages m on m.id = r.message_id
				where r.id = :id and r.status <> 'open'
				""")
			.param("id", Long.parseLong(reportId))
			.query((rs, row) -> new Handled(rs.getString("status"), rs.getString("login"), rs.getString("title")))
			.optional()
			.orElse(null);
	}

}
