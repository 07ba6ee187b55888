package org.veille.mail;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
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

	/** Lets each composer ready the batch's e-mails of its kinds at once. */
	void prepare(List<Envelope> batch) {
		Map<Composer, List<Envelope>> byComposer = new IdentityHashMap<>();
		for (Envelope envelope : batch) {
			Composer composer = this.byKind.get(envelope.kind());
			if (composer != null) {
				byComposer.computeIfAbsent(composer, (c) -> new ArrayList<>()).add(envelope);
			}
		}
		byComposer.forEach(Composer::prepare);
	}

	Optional<Letter> compose(Envelope envelope) {
		Composer composer = this.byKind.get(envelope.kind());
		if (composer == null) {
			throw new IllegalStateException("No composer writes e-mails of kind " + envelope.kind());
		}
		return composer.compose(envelope);
	}

}
