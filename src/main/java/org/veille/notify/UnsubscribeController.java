package org.veille.notify;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

import org.veille.web.NotFoundException;

/**
 * One-click unsubscribe (RFC 8058), without signing in: the token in the URL is the authority. A POST (the
 * mail client's {@code List-Unsubscribe=One-Click}, or the page's button) turns that kind of e-mail off; a
 * GET only shows the button, since link checkers and mail scanners follow links.
 */
@Controller
class UnsubscribeController {

	private final UnsubscribeLinks links;

	private final NotificationSettings settings;

	UnsubscribeController(UnsubscribeLinks links, NotificationSettings settings) {
		this.links = links;
		this.settings = settings;
	}

	@GetMapping("/unsubscribe/{token}")
	String confirm(@PathVariable String token, Model model) {
		UnsubscribeLinks.Owner owner = this.links.owner(token).orElseThrow(() -> NotFoundException.page("/unsubscribe"));
		model.addAttribute("kind", owner.notification().kind());
		model.addAttribute("done", false);
		return "notify/unsubscribe";
	}

	@PostMapping("/unsubscribe/{token}")
	String unsubscribe(@PathVariable String token, Model model) {
		UnsubscribeLinks.Owner owner = this.links.owner(token).orElseThrow(() -> NotFoundException.page("/unsubscribe"));
		this.settings.turnOff(owner.accountId(), owner.notification());
		model.addAttribute("kind", owner.notification().kind());
		model.addAttribute("done", true);
		return "notify/unsubscribe";
	}

}
