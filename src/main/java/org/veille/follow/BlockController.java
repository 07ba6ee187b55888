package org.veille.follow;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.veille.account.CurrentAccount;
import org.veille.web.Notices;

/**
 * The block and unblock buttons of a person's page.
 */
@Controller
class BlockController {

	private final FollowService follows;

	BlockController(FollowService follows) {
		this.follows = follows;
	}

	@PostMapping("/people/{login}/block")
	String block(@PathVariable String login, @AuthenticationPrincipal CurrentAccount me, RedirectAttributes redirect) {
		switch (this.follows.block(me.id(), login)) {
			case SELF -> Notices.problem(redirect, "block.self");
			case DONE, BLOCKING -> Notices.notice(redirect, "block.done", login);
		}
		return "redirect:/people/" + login;
	}

	@PostMapping("/people/{login}/unblock")
	String unblock(@PathVariable String login, @AuthenticationPrincipal CurrentAccount me,
			RedirectAttributes redirect) {
		this.follows.unblock(me.id(), login);
		Notices.notice(redirect, "unblock.done", login);
		return "redirect:/people/" + login;
	}

}
