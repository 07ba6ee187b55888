package org.veille.follow;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.veille.account.CurrentAccount;
import org.veille.markup.TagKeys;
import org.veille.web.Notices;

/**
 * The follow and unfollow buttons of a tag's page. The tag is sent by key.
 */
@Controller
class TagFollowController {

	private final FollowService follows;

	TagFollowController(FollowService follows) {
		this.follows = follows;
	}

	@PostMapping("/follows/tags")
	String follow(@RequestParam String tag, @AuthenticationPrincipal CurrentAccount me, RedirectAttributes redirect) {
		String key = TagKeys.fold(tag);
		this.follows.followTag(me.id(), key);
		Notices.notice(redirect, "follow.tag.done", tag);
		return "redirect:/tag/" + TagKeys.pathOf(key);
	}

	@PostMapping("/follows/tags/remove")
	String unfollow(@RequestParam String tag, @AuthenticationPrincipal CurrentAccount me,
			RedirectAttributes redirect) {
		String key = TagKeys.fold(tag);
		this.follows.unfollowTag(me.id(), key);
		Notices.notice(redirect, "unfollow.tag.done", tag);
		return "redirect:/tag/" + TagKeys.pathOf(key);
	}

}
