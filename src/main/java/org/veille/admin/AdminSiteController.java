package org.veille.admin;

import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.veille.account.CurrentAccount;
import org.veille.account.SignupMode;
import org.veille.account.SiteSignups;
import org.veille.siteinfo.SiteInfo;
import org.veille.web.BadRequestException;
import org.veille.web.Notices;

/** {@code /admin/site}: the site's name and description, the sign-up mode and the invitation links. */
@Controller
class AdminSiteController {

	private final SiteSignups signups;

	private final SiteSettings settings;

	AdminSiteController(SiteSignups signups, SiteSettings settings) {
		this.signups = signups;
		this.settings = settings;
	}

	@GetMapping("/admin/site")
	String site(Model model) {
		model.addAttribute("mode", this.signups.mode());
		model.addAttribute("modes", SignupMode.values());
		model.addAttribute("invitations", this.signups.invitations());
		return "admin/site";
	}

	@PostMapping("/admin/site/signup-mode")
	String mode(@AuthenticationPrincipal CurrentAccount me, @RequestParam(required = false) @Nullable String mode,
			RedirectAttributes redirect) {
		SignupMode chosen = SignupMode.of(mode).orElseThrow(() -> new BadRequestException("No sign-up mode " + mode));
		this.settings.changeMode(me, chosen);
		Notices.notice(redirect, "admin.site.mode.done." + chosen.key());
		return "redirect:/admin/site";
	}

	@PostMapping("/admin/site/name")
	String rename(@AuthenticationPrincipal CurrentAccount me, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "") String description, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		Optional<String> problem = SiteInfo.problem(name, description);
		if (problem.isPresent()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("nameProblem", problem.get());
			model.addAttribute("typedName", name);
			model.addAttribute("typedDescription", description);
			site(model);
			return "admin/site";
		}
		this.settings.rename(me, SiteInfo.of(name, description));
		Notices.notice(redirect, "admin.site.name.done");
		return "redirect:/admin/site";
	}

	@PostMapping("/admin/site/invitations")
	String invite(@AuthenticationPrincipal CurrentAccount me, @RequestParam(defaultValue = "7") int days,
			@RequestParam(defaultValue = "1") int uses, RedirectAttributes redirect) {
		if (days < 1 || days > SiteSettings.MAX_DAYS || uses < 1 || uses > SiteSettings.MAX_USES) {
			Notices.problem(redirect, "admin.site.invitation.bounds", String.valueOf(SiteSettings.MAX_DAYS),
					String.valueOf(SiteSettings.MAX_USES));
			return "redirect:/admin/site";
		}
		String token = this.settings.invite(me, days, uses);
		redirect.addFlashAttribute("invitationPath", "/signup?invitation=" + token);
		return "redirect:/admin/site";
	}

}
