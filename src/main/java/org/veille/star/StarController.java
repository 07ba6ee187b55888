package org.veille.star;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.veille.account.CurrentAccount;
import org.veille.web.Notices;

/**
 * The star button of a thread page, and the button that takes the star back.
 */
@Controller
class StarController {

	private final StarService stars;

	StarController(StarService stars) {
		this.stars = stars;
	}

	@PostMapping("/messages/{id}/star")
	String star(@PathVariable long id, @AuthenticationPrincipal CurrentAccount me, RedirectAttributes redirect) {
		switch (this.stars.star(me.id(), id)) {
			case OWN_THREAD -> Notices.problem(redirect, "star.own-thread");
			case ALREADY_STARRED -> Notices.notice(redirect, "star.already");
			case STARRED -> Notices.notice(redirect, "star.done");
		}
		return "redirect:/messages/" + id;
	}

	@PostMapping("/messages/{id}/unstar")
	String unstar(@PathVariable long id, @AuthenticationPrincipal CurrentAccount me, RedirectAttributes redirect) {
		this.stars.unstar(me.id(), id);
		Notices.notice(redirect, "star.undone");
		return "redirect:/messages/" + id;
	}

}
