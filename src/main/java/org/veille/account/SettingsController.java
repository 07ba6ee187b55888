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

import org.veille.web.Notices;

/**
 * The settings page: a person's profile (shown name, bio), e-mail and language.
 */
@Controller
class SettingsController {

	private final AccountService accountService;

	private final LanguageResolver languages;

	SettingsController(AccountService accountService, LanguageResolver languages) {
		this.accountService = accountService;
		this.languages = languages;
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
		try {
			this.accountService.changeSettings(me.id(), settingsForm);
		}
		catch (SignupRejectedException ex) {
			result.rejectValue(ex.field(), ex.messageKey(), ex.arguments(), null);
			return "account/settings";
		}
		String language = settingsForm.language();
		this.languages.setLocale(request, response,
				(language == null || language.isEmpty()) ? null : Locale.forLanguageTag(language));
		Notices.notice(attributes, "settings.saved");
		return (language == null || language.isEmpty()) ? "redirect:/settings" : "redirect:/settings?lang=" + language;
	}

}
