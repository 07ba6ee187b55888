package org.veille.federation;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Component;

/**
 * What other servers' people do to Veille's messages.
 */
@Component
class RemoteReplies {

	Inbox.Outcome receive(RemoteActor sender, @Nullable String type, JsonNode activity) {
		return Inbox.Outcome.ACCEPTED;
	}

	Inbox.Outcome undo(RemoteActor sender, @Nullable String undoneId) {
		return Inbox.Outcome.ACCEPTED;
	}

}
