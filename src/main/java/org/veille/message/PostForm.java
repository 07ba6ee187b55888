package org.veille.message;

import jakarta.validation.constraints.NotBlank;

/**
 * What the posting form sends: the message as typed, and the page it was sent from, so that an
 * error comes back on that same page.
 */
record PostForm(@NotBlank(message = "{post.text.required}") String text, String origin) {

	static final String FROM_HOME = "home";

	PostForm {
		text = (text != null) ? text : "";
		origin = FROM_HOME.equals(origin) ? FROM_HOME : "post";
	}

	static PostForm empty(String origin) {
		return new PostForm("", origin);
	}

	boolean fromHome() {
		return FROM_HOME.equals(this.origin);
	}

}
