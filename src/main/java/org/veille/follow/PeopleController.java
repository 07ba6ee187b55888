package org.veille.follow;

import jakarta.validation.Valid;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.veille.account.CurrentAccount;
import org.veille.web.Notices;

/**
 * The people page ({@code /people}): whom I follow and who follows me, the tags and sites I follow
 * (with the form to follow a site), and whom I block.
 */
@Controller
class PeopleController {

	private final Relations relations;

	private final FollowService follows;

	PeopleController(Relations relations, FollowService follows) {
		this.relations = relations;
		this.follows = follows;
	}

	@GetMapping("/people")
	String people(@AuthenticationPrincipal CurrentAccount me, Model model) {
		model.addAttribute("siteForm", SiteForm.empty());
		model.addAttribute("people", this.relations.people(me.id()));
		return "follow/people";
	}

	@PostMapping("/follows/sites")
	String followSite(@Valid @ModelAttribute SiteForm siteForm, BindingResult result,
			@AuthenticationPrincipal CurrentAccount me, Model model, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			var site = this.follows.followSite(me.id(), siteForm.site());
			if (site.isPresent()) {
				Notices.notice(redirect, "follow.site.done", site.get());
				return "redirect:/people";
			}
			result.rejectValue("site", "follow.site.invalid");
		}
		model.addAttribute("people", this.relations.people(me.id()));
		return "follow/people";
	}

	@PostMapping("/follows/sites/remove")
	String unfollowSite(@RequestParam String site, @AuthenticationPrincipal CurrentAccount me,
			RedirectAttributes redirect) {
		this.follows.unfollowSite(me.id(), site);
		Notices.notice(redirect, "unfollow.site.done", site);
		return "redirect:/people";
	}

}
