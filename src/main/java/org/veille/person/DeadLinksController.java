package org.veille.person;

import org.jspecify.annotations.Nullable;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import org.veille.account.CurrentAccount;
import org.veille.thread.ThreadQueries;
import org.veille.web.Cursor;
import org.veille.web.ForbiddenException;
import org.veille.web.NotFoundException;

/**
 * {@code /people/{login}/dead-links}: a person's own messages citing pages that seem gone, so that they can fix
 * them. Only that person sees it; a reader signed out is asked to sign in.
 */
@Controller
class DeadLinksController {

	private final DeadLinkQueries deadLinks;

	DeadLinksController(DeadLinkQueries deadLinks) {
		this.deadLinks = deadLinks;
	}

	@GetMapping("/people/{login}/dead-links")
	ModelAndView deadLinks(@PathVariable String login, @RequestParam(required = false) @Nullable String before,
			@AuthenticationPrincipal @Nullable CurrentAccount me) {
		Cursor cursor = Cursor.parse(before);
		long owner = this.deadLinks.accountOf(login).orElseThrow(() -> NotFoundException.person(login));
		if (me == null) {
			throw new AccessDeniedException("Sign in to see your dead links");
		}
		if (me.id() != owner) {
			throw new ForbiddenException("dead-links.forbidden");
		}
		return new ModelAndView("link/dead-links").addObject("page",
				this.deadLinks.citingGoneLinks(owner, cursor, ThreadQueries.PAGE_SIZE));
	}

}
