package org.veille.follow;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.veille.account.CurrentAccount;
import org.veille.web.Notices;

/**
 * The follow and unfollow buttons of a person's page.
 */
@Controller
class FollowController {

	private final FollowService follows;

	FollowController(FollowService follows) {
		this.follows = follows;
	}

	@PostMapping("/people/{login}/follow")
	String follow(@PathVariable String login, @AuthenticationPrincipal CurrentAccount me, RedirectAttributes redirect) {
		switch (this.follows.followPerson(me.id(), login)) {
			case SELF -> Notices.problem(redirect, "follow.self");
			case BLOCKING -> Notices.problem(redirect, "follow.blocking", login);
			case DONE -> Notices.notice(redirect, "follow.done", login);
		}
		return "redirect:/people/" + login;
	}

	@PostMapping("/people/{login}/unfollow")
	String unfollow(@PathVariable String login, @AuthenticationPrincipal CurrentAccount me,
			RedirectAttributes redirect) {
		this.follows.unfollowPerson(me.id(), login);
		Notices.notice(redirect, "unfollow.done", login);
		return "redirect:/people/" + login;
	}

}
