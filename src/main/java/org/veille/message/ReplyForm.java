package org.veille.message;

import jakarta.validation.constraints.NotBlank;

/**
 * What the reply form of a thread page sends: the reply as typed.
 */
record ReplyForm(@NotBlank(message = "{post.text.required}") String text) {

	ReplyForm {
		text = (text != null) ? text : "";
	}

	static ReplyForm empty() {
		return new ReplyForm("");
	}

}
