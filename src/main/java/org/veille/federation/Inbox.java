package org.veille.federation;

import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * What a verified activity does. An activity whose {@code actor} is not its signer is refused (403); a type
 * Veille does not handle is taken and ignored (202).
 */
@Component
class Inbox {

	record Outcome(HttpStatus status, String reason) {

		static final Outcome ACCEPTED = new Outcome(HttpStatus.ACCEPTED, "");

	}

	Outcome receive(RemoteActor sender, JsonNode activity) {
		JsonNode actor = activity.get("actor");
		String actorId = (actor == null) ? null : actor.isString() ? actor.asString()
				: (actor.isObject() && actor.get("id") != null) ? actor.get("id").asString() : null;
		if (!sender.uri().equals(actorId)) {
			return new Outcome(HttpStatus.FORBIDDEN, "The activity's actor is not the one who signed it.");
		}
		return Outcome.ACCEPTED;
	}

}
