package org.veille.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * Redirects of pages to their canonical URL.
 */
public final class Redirects {

	private Redirects() {
	}

	/** A 301 to this site-relative URL, taken as it is (no template variables, no model attributes). */
	public static ModelAndView permanent(String url) {
		RedirectView view = new RedirectView(url, true);
		view.setStatusCode(HttpStatus.MOVED_PERMANENTLY);
		view.setExpandUriTemplateVariables(false);
		view.setExposeModelAttributes(false);
		return new ModelAndView(view);
	}

}
