package org.veille.web;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

import org.veille.text.PercentEncoding;

/**
 * Redirects of pages to their canonical URL. Whatever the path holds, the {@code Location} sent holds only
 * the characters a URI may (RFC 3986): no raw space, quote, angle bracket, control or bidi character.
 */
public final class Redirects {

	private Redirects() {
	}

	/** A 301 to this site-relative URL (no template variables, no model attributes). */
	public static ModelAndView permanent(String url) {
		RedirectView view = new RedirectView(location(url), true);
		view.setStatusCode(HttpStatus.MOVED_PERMANENTLY);
		view.setExpandUriTemplateVariables(false);
		view.setExposeModelAttributes(false);
		return new ModelAndView(view);
	}

	/**
	 * A 301 to the canonical path of a list, keeping the reader's page: the position is one already read
	 * with {@link Cursor#parse}, so only a position Veille could have written is carried.
	 */
	public static ModelAndView permanent(String path, @Nullable Cursor before) {
		return permanent((before != null) ? path + "?before=" + before.token() : path);
	}

	/**
	 * The URL with every character a URI may not hold percent-encoded in UTF-8; escapes already there are
	 * kept, and a {@code %} that starts none is encoded itself.
	 */
	static String location(String url) {
		return PercentEncoding.encode(url, PercentEncoding.URI_CHARACTER, true);
	}

}
