package org.veille.message;

import jakarta.validation.constraints.NotBlank;

/**
 * What the edit form sends: the new text of the message.
 */
record EditForm(@NotBlank(message = "{post.text.required}") String text) {

	EditForm {
		text = (text != null) ? text : "";
	}

}
