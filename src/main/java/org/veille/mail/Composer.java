package org.veille.mail;

import java.util.Optional;
import java.util.Set;

/**
 * Writes the e-mails of some kinds of event, when they are sent: each feature that mails registers one
 * as a bean. Reading the data at sending time means an edited message is mailed as it now reads and a
 * deleted one not at all.
 */
public interface Composer {

	/** The outbox kinds this composer writes. */
	Set<String> kinds();

	/** The e-mail for this row, or empty when there is nothing to send any more (the row is dropped). */
	Optional<Letter> compose(Envelope envelope);

}
