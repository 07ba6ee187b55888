package org.veille.mail;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Hands letters over: to the SMTP server ({@link SmtpDelivery}), or, without one, to the outbox itself
 * ({@link KeptDelivery}).
 */
interface Delivery {

	/**
	 * Delivers these letters, over one connection where there is one.
	 * @return the letters that failed, by index in {@code letters}, with the reason
	 */
	Map<Integer, String> deliver(List<Letter> letters);

	/** The copy to keep in the outbox for a delivered letter, or null when it went out (nothing kept). */
	default @Nullable String keptCopy(Letter letter) {
		return null;
	}

}
