package org.veille.account;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.veille.mail.Outbox;
import org.veille.web.Notices;

/**
 * The settings page: a person's profile (shown name, bio), e-mail and language; whether the address is
 * confirmed, and the e-mails that could not be delivered to it.
 */
@Controller
class SettingsController {

	private static final int GIVEN_UP_SHOWN = 5;

	private final AccountService accountService;

	private final AddressConfirmations confirmations;

	private final LanguageResolver languages;

	private final Outbox outbox;

	private final PostingPermission posting;

	SettingsController(AccountService accountService, AddressConfirmations confirmations, LanguageResolver languages,
			Outbox outbox, PostingPermission posting) {
		this.accountService = accountService;
		this.confirmations = confirmations;
		this.languages = languages;
		this.outbox = outbox;
		this.posting = posting;
	}

	@ModelAttribute
	void mailState(@AuthenticationPrincipal CurrentAccount me, Model model) {
		model.addAttribute("emailVerified", this.accountService.emailVerified(me.id()));
		model.addAttribute("confirmToPost", !this.posting.mayPost(me.id()));
		model.addAttribute("undelivered", this.outbox.givenUp(me.id(), GIVEN_UP_SHOWN));
	}

	@GetMapping("/settings")
	String form(@AuthenticationPrincipal CurrentAccount me, Model model) {
		model.addAttribute("settingsForm", this.accountService.settings(me.id()));
		return "account/settings";
	}

	@PostMapping("/settings")
	String save(@AuthenticationPrincipal CurrentAccount me, @Valid @ModelAttribute SettingsForm settingsForm,
			BindingResult result, HttpServletRequest request, HttpServletResponse response,
			RedirectAttributes attributes) {
		if (result.hasErrors()) {
			return "account/settings";
		}
		String pending = this.accountService.changeSettings(me.id(), settingsForm);
		String language = settingsForm.language();
		this.languages.setLocale(request, response,
				(language == null || language.isEmpty()) ? null : Locale.forLanguageTag(language));
		if (pending != null) {
			Notices.notice(attributes, "settings.email.pending", pending);
		}
		else {
			Notices.notice(attributes, "settings.saved");
		}
		return (language == null || language.isEmpty()) ? "redirect:/settings" : "redirect:/settings?lang=" + language;
	}

	@PostMapping("/settings/email/confirm")
	String sendConfirmation(@AuthenticationPrincipal CurrentAccount me, RedirectAttributes attributes) {
		Notices.notice(attributes,
				this.confirmations.sendAgain(me.id()) ? "settings.email.link-sent" : "settings.email.already-confirmed");
		return "redirect:/settings";
	}

}
