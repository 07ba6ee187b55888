package org.veille.message;

import org.jspecify.annotations.Nullable;

import jakarta.validation.constraints.NotBlank;

/**
 * What the posting form sends: the message as typed, and the page it was sent from, so that an
 * error comes back on that same page.
 */
record PostForm(@NotBlank(message = "{post.text.required}") String text, String origin,
		@Nullable String pageTitle, @Nullable String pageUrl) {

	static final String FROM_HOME = "home";

	/** Longer titles are not a page's title. */
	static final int MAX_PAGE_TITLE = 500;

	PostForm {
		text = (text != null) ? text : "";
		origin = FROM_HOME.equals(origin) ? FROM_HOME : "post";
		pageTitle = (pageTitle != null && !pageTitle.isBlank() && pageTitle.length() <= MAX_PAGE_TITLE)
				? pageTitle.strip().replaceAll("\\s+", " ") : null;
		pageUrl = (pageUrl != null && !pageUrl.isBlank() && pageUrl.length() <= MessageLimits.MAX_URL_CHARACTERS)
				? pageUrl.strip() : null;
	}

	PostForm(String text, String origin) {
		this(text, origin, null, null);
	}

	static PostForm empty(String origin) {
		return new PostForm("", origin);
	}

	boolean fromHome() {
		return FROM_HOME.equals(this.origin);
	}

}
