package org.veille.account;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.veille.web.Notices;
import org.veille.web.PublicUrls;

/**
 * {@code /settings/api}: the person's API tokens, created (the secret shown once) and revoked.
 */
@Controller
class ApiTokensController {

	static final int MAX_NAME = 100;

	private final ApiTokens tokens;

	private final HomeFeedTokens homeFeedTokens;

	private final PublicUrls publicUrls;

	ApiTokensController(ApiTokens tokens, HomeFeedTokens homeFeedTokens, PublicUrls publicUrls) {
		this.tokens = tokens;
		this.homeFeedTokens = homeFeedTokens;
		this.publicUrls = publicUrls;
	}

	@GetMapping("/settings/api")
	String page(@AuthenticationPrincipal CurrentAccount me, Model model) {
		Object homeFeedPath = model.asMap().get("homeFeedPath");
		if (homeFeedPath != null) {
			model.addAttribute("homeFeedUrl", this.publicUrls.absolute(homeFeedPath.toString()));
		}
		model.addAttribute("tokens", this.tokens.list(me.id()));
		model.addAttribute("hasHomeFeed", this.homeFeedTokens.exists(me.id()));
		model.addAttribute("hasHomeFeed", this.homeFeedTokens.exists(me.id()));
		return "account/api-tokens";
	}

	@PostMapping("/settings/api/tokens")
	String create(@RequestParam(defaultValue = "") String name, @AuthenticationPrincipal CurrentAccount me,
			Model model, RedirectAttributes redirect) {
		String trimmed = name.strip();
		if (trimmed.isEmpty() || trimmed.length() > MAX_NAME) {
			Notices.problem(redirect, "tokens.name.invalid", String.valueOf(MAX_NAME));
			return "redirect:/settings/api";
		}
		try {
			ApiTokens.Created created = this.tokens.create(me.id(), trimmed);
			model.addAttribute("secret", created.secret());
			model.addAttribute("secretName", trimmed);
		}
		catch (ApiTokens.TooManyTokensException ex) {
			Notices.problem(redirect, "tokens.too-many", String.valueOf(ApiTokens.MAX_TOKENS));
			return "redirect:/settings/api";
		}
		model.addAttribute("tokens", this.tokens.list(me.id()));
		model.addAttribute("hasHomeFeed", this.homeFeedTokens.exists(me.id()));
		return "account/api-tokens";
	}

	@PostMapping("/settings/api/tokens/{id}/revoke")
	String revoke(@PathVariable long id, @AuthenticationPrincipal CurrentAccount me, RedirectAttributes redirect) {
		if (this.tokens.revoke(me.id(), id)) {
			Notices.notice(redirect, "tokens.revoked");
		}
		return "redirect:/settings/api";
	}

}
