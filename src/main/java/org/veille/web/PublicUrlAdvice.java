package org.veille.web;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Gives every page {@code canonicalBase}, for its {@code <link rel="canonical">}:
 * {@code th:href="${canonicalBase + path}"}.
 */
@ControllerAdvice
class PublicUrlAdvice {

	private final PublicUrls publicUrls;

	PublicUrlAdvice(PublicUrls publicUrls) {
		this.publicUrls = publicUrls;
	}

	@ModelAttribute("canonicalBase")
	String canonicalBase() {
		return this.publicUrls.canonicalBase();
	}

}
