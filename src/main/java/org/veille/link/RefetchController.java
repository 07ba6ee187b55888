package org.veille.link;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.veille.account.CurrentAccount;
import org.veille.web.Notices;

/** The poster's "fetch the previews again" button on a message page. */
@Controller
class RefetchController {

	private final LinkService links;

	RefetchController(LinkService links) {
		this.links = links;
	}

	@PostMapping("/messages/{id}/refetch")
	String refetch(@PathVariable long id, @AuthenticationPrincipal CurrentAccount me, RedirectAttributes redirect) {
		this.links.requestRefetch(id, me.id());
		Notices.notice(redirect, "link.refetch.queued");
		return "redirect:/messages/" + id;
	}

}
