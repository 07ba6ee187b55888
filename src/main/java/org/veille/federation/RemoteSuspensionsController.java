package org.veille.federation;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.veille.account.CurrentAccount;
import org.veille.web.Notices;

/**
 * Suspending one account of another server from {@code /admin/federation}. A name that cannot be an account of
 * another server is answered 400 with the page and what to fix.
 */
@Controller
class RemoteSuspensionsController {

	private final RemoteSuspensions suspensions;

	private final FederationAdminPage page;

	private final Sites sites;

	RemoteSuspensionsController(RemoteSuspensions suspensions, FederationAdminPage page, Sites sites) {
		this.suspensions = suspensions;
		this.page = page;
		this.sites = sites;
	}

	@PostMapping("/admin/federation/suspensions")
	ModelAndView suspend(@AuthenticationPrincipal CurrentAccount admin, @RequestParam(defaultValue = "") String account,
			RedirectAttributes redirect) throws RemoteActorException {
		String siteHost = RemoteActors.hostOf(this.sites.current().base());
		RemoteAccountName.Parsed parsed = RemoteAccountName.parse(account, siteHost);
		if (parsed instanceof RemoteAccountName.Named named) {
			this.suspensions.suspend(admin, named.name());
			Notices.notice(redirect, "federation.admin.account.suspended", named.name().key());
			return new ModelAndView("redirect:/admin/federation");
		}
		ModelAndView again = this.page.page()
			.addObject("accountProblem", ((RemoteAccountName.Refused) parsed).problem())
			.addObject("typedAccount", account)
			.addObject("maxAccount", RemoteAccountName.MAX_LENGTH)
			.addObject("siteHost", siteHost);
		again.setStatus(HttpStatus.BAD_REQUEST);
		return again;
	}

	@PostMapping("/admin/federation/unsuspensions")
	String lift(@AuthenticationPrincipal CurrentAccount admin, @RequestParam(defaultValue = "") String account,
			RedirectAttributes redirect) {
		this.suspensions.lift(admin, account.strip());
		Notices.notice(redirect, "federation.admin.account.lifted", account.strip());
		return "redirect:/admin/federation";
	}

}
