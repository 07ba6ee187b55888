package org.veille.message;

import org.springframework.stereotype.Service;

/** What administrators do to one message: hide it (a deletion in the author's stead). */
@Service
public class MessageModeration {

	private final MessageEditService edits;

	MessageModeration(MessageEditService edits) {
		this.edits = edits;
	}

	/** Hides the message everywhere; false when it was deleted or hidden already. */
	public boolean hide(long messageId) {
		return this.edits.deleteAsModerator(messageId);
	}

}
