package org.veille.mail;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Sends letters through Spring's {@link JavaMailSender} (Jakarta Mail), all of one batch over one SMTP
 * connection: multipart text and HTML in UTF-8, the subject encoded by Jakarta Mail, our own
 * {@code Message-ID} and the conversation's {@code In-Reply-To}/{@code References}, and the one-click
 * unsubscribe headers of RFC 8058 when the letter has an unsubscribe address.
 */
class SmtpDelivery implements Delivery {

	private final JavaMailSender sender;

	private final String from;

	private final String domain;

	SmtpDelivery(JavaMailSender sender, OutboxProperties properties) {
		this.sender = sender;
		this.from = properties.from();
		this.domain = properties.domain();
	}

	@Override
	public Map<Integer, String> deliver(List<Letter> letters) {
		Map<Integer, String> failed = new HashMap<>();
		List<MimeMessage> messages = new ArrayList<>();
		Map<MimeMessage, Integer> indexes = new IdentityHashMap<>();
		for (int i = 0; i < letters.size(); i++) {
			try {
				MimeMessage message = mime(letters.get(i));
				messages.add(message);
				indexes.put(message, i);
			}
			catch (MessagingException | RuntimeException ex) {
				failed.put(i, "could not be written: " + ex.getMessage());
			}
		}
		if (messages.isEmpty()) {
			return failed;
		}
		try {
			this.sender.send(messages.toArray(MimeMessage[]::new));
		}
		catch (MailSendException ex) {
			Map<Object, Exception> refused = ex.getFailedMessages();
			if (refused.isEmpty()) {
				indexes.values().forEach((index) -> failed.put(index, describe(ex)));
			}
			refused.forEach((message, cause) -> {
				Integer index = indexes.get(message);
				if (index != null) {
					failed.put(index, describe(cause));
				}
			});
		}
		catch (MailException ex) {
			indexes.values().forEach((index) -> failed.put(index, describe(ex)));
		}
		return failed;
	}

	private MimeMessage mime(Letter letter) throws MessagingException {
		MimeMessage message = this.sender.createMimeMessage();
		MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
		helper.setFrom(this.from);
		helper.setTo(letter.to());
		helper.setSubject(letter.subject());
		helper.setText(letter.text(), letter.html());
		// JavaMailSenderImpl keeps a Message-ID set before sending.
		message.setHeader("Message-ID", "<" + UUID.randomUUID() + "@" + this.domain + ">");
		if (!letter.conversation().isEmpty()) {
			List<String> ids = letter.conversation().stream().map((id) -> "<" + id + "@" + this.domain + ">").toList();
			message.setHeader("In-Reply-To", ids.get(ids.size() - 1));
			message.setHeader("References", String.join(" ", ids));
		}
		if (letter.unsubscribeUrl() != null) {
			message.setHeader("List-Unsubscribe", "<" + letter.unsubscribeUrl() + ">");
			message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
		}
		message.setHeader("Auto-Submitted", "auto-generated");
		return message;
	}

	/** The innermost reason, on one line: "Connection refused", "550 5.1.1 unknown user", ... */
	private static String describe(Throwable failure) {
		Throwable cause = failure;
		String message = failure.getMessage();
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
			if (cause.getMessage() != null) {
				message = cause.getMessage();
			}
		}
		return cause.getClass().getSimpleName() + ": " + message;
	}

}
