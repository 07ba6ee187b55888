package org.veille.mail;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An e-mail ready to send: the recipient's address, the subject, its text and HTML bodies, and the
 * headers that place it in a conversation or let it be unsubscribed from.
 *
 * @param to the recipient's address
 * @param subject one line, any characters (encoded when sent)
 * @param text the plain-text body
 * @param html the HTML body
 * @param conversation the local parts of the {@code Message-ID}s it answers (the domain is the sender's),
 * oldest first: the last one
 * is its {@code In-Reply-To}, all are its {@code References}; empty for a letter that starts nothing
 * @param unsubscribeUrl the one-click unsubscribe address (RFC 8058), or null for a letter one cannot
 * unsubscribe from (a password reset)
 */
public record Letter(String to, String subject, String text, String html, List<String> conversation,
		@Nullable String unsubscribeUrl) {

	public Letter {
		MailHeaders.check(to);
		MailHeaders.check(subject);
		conversation.forEach(MailHeaders::check);
		if (unsubscribeUrl != null) {
			MailHeaders.check(unsubscribeUrl);
		}
		conversation = List.copyOf(conversation);
	}

	/** A letter outside any conversation, without unsubscribe link: account e-mails. */
	public static Letter single(String to, String subject, MailTemplates.Rendered body) {
		return new Letter(to, subject, body.text(), body.html(), List.of(), null);
	}

}
