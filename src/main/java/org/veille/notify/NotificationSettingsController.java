package org.veille.notify;

import jakarta.validation.Valid;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.veille.account.CurrentAccount;
import org.veille.web.Notices;

/**
 * {@code /settings/notifications}: which e-mails a person gets, each on or off, and the digest.
 */
@Controller
class NotificationSettingsController {

	private final NotificationSettings settings;

	NotificationSettingsController(NotificationSettings settings) {
		this.settings = settings;
	}

	@GetMapping("/settings/notifications")
	String form(@AuthenticationPrincipal CurrentAccount me, Model model) {
		model.addAttribute("choices", this.settings.of(me.id()));
		return "notify/settings";
	}

	@PostMapping("/settings/notifications")
	String save(@AuthenticationPrincipal CurrentAccount me, @Valid @ModelAttribute("choices") NotificationChoices choices,
			BindingResult result, RedirectAttributes attributes) {
		if (result.hasErrors()) {
			return "notify/settings";
		}
		this.settings.save(me.id(), choices);
		Notices.notice(attributes, "notifications.saved");
		return "redirect:/settings/notifications";
	}

}
