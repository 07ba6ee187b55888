package org.veille.web;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The sentence shown once at the top of the next page after a redirect: a confirmation
 * ({@code notice}) or a refusal ({@code problem}), by message key and arguments.
 */
public final class Notices {

	private Notices() {
	}

	public static void notice(RedirectAttributes attributes, String key, String... arguments) {
		attributes.addFlashAttribute("notice", key).addFlashAttribute("noticeArgs", arguments);
	}

	public static void problem(RedirectAttributes attributes, String key, String... arguments) {
		attributes.addFlashAttribute("problem", key).addFlashAttribute("problemArgs", arguments);
	}

}
