package org.veille.federation;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A message as a note needs it.
 *
 * @param threadId the thread's first message; its own id for a thread
 * @param tags the keys and display forms of its tags, in the message's order
 * @param remoteMentions the people of other servers it mentions who were found, in the message's order
 */
record StoredNote(long id, long threadId, String authorLogin, String authorLanguage, String body, Instant published,
		Instant updated, List<Tag> tags, List<String> mentions, List<String> links,
		List<RemoteMentions.Mentioned> remoteMentions) {

	record Tag(String key, String display) {
	}

	boolean isReply() {
		return this.id != this.threadId;
	}

	/** Where a reader sees it: the thread's page, at the reply's anchor. */
	String pagePath() {
		return isReply() ? "/messages/" + this.threadId + "#m" + this.id : "/messages/" + this.id;
	}

	static String idPath(long messageId) {
		return "/messages/" + messageId;
	}

	@Nullable String inReplyToPath() {
		return isReply() ? idPath(this.threadId) : null;
	}

}
