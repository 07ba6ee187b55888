package org.veille.mail;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

/** Every {@link Composer} of the application, by the kinds they write. */
@Component
class Composers {

	private final Map<String, Composer> byKind = new HashMap<>();

	Composers(List<Composer> composers) {
		for (Composer composer : composers) {
			for (String kind : composer.kinds()) {
				if (this.byKind.put(kind, composer) != null) {
					throw new IllegalStateException("Two composers write e-mails of kind " + kind);
				}
			}
		}
	}

	Optional<Letter> compose(Envelope envelope) {
		Composer composer = this.byKind.get(envelope.kind());
		if (composer == null) {
			throw new IllegalStateException("No composer writes e-mails of kind " + envelope.kind());
		}
		return composer.compose(envelope);
	}

}
