package org.veille.mail;

import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Without an SMTP server ({@code spring.mail.host} unset, as on a developer's machine), letters are still
 * written and kept in the outbox (state {@code kept}, their text in {@code kept_copy}); the log names each
 * one, and shows its text at DEBUG level (a password-reset link included: read it there).
 */
class KeptDelivery implements Delivery {

	private static final Logger logger = LoggerFactory.getLogger(KeptDelivery.class);

	@Override
	public Map<Integer, String> deliver(List<Letter> letters) {
		for (Letter letter : letters) {
			logger.info("Kept, not sent (no SMTP server): an e-mail to {}, \"{}\"", letter.to(), letter.subject());
			logger.debug("Its text:\n{}", letter.text());
		}
		return Map.of();
	}

	@Override
	public String keptCopy(Letter letter) {
		return "To: " + letter.to() + "\nSubject: " + letter.subject() + "\n\n" + letter.text();
	}

}
