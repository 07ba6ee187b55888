package org.veille.mail;

import java.util.List;
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

	/**
	 * Readies what the e-mails of a claimed batch need before they are composed one by one, in a statement or
	 * two for the whole batch (a popular thread's e-mails come by thousands). Nothing by default.
	 * @param batch the batch's e-mails of this composer's kinds
	 */
	default void prepare(List<Envelope> batch) {
	}

	/** The e-mail for this row, or empty when there is nothing to send any more (the row is dropped). */
	Optional<Letter> compose(Envelope envelope);

}
