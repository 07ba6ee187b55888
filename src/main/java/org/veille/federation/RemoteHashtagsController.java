package org.veille.federation;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.veille.web.BadRequestException;
import org.veille.web.Notices;

/** The site's choice, on {@code /admin/federation}, to let remote replies' hashtags join their thread's tags. */
@Controller
class RemoteHashtagsController {

	private final RemoteHashtags hashtags;

	RemoteHashtagsController(RemoteHashtags hashtags) {
		this.hashtags = hashtags;
	}

	/** A checkbox: {@code allowed=on} when ticked, nothing when not. */
	@PostMapping("/admin/federation/hashtags")
	String choose(@RequestParam(defaultValue = "") String allowed, RedirectAttributes redirect) {
		if (!allowed.isEmpty() && !allowed.equals("on")) {
			throw new BadRequestException("allowed is on or absent, not " + allowed);
		}
		this.hashtags.allow(allowed.equals("on"));
		Notices.notice(redirect, allowed.isEmpty() ? "federation.admin.hashtags.off" : "federation.admin.hashtags.on");
		return "redirect:/admin/federation";
	}

}
