package org.veille.federation;

import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.veille.account.CurrentAccount;
import org.veille.web.Notices;

/**
 * The administrators' list of blocked servers ({@code /admin/federation}; the security chain keeps
 * {@code /admin/**} to them).
 */
@Controller
class DomainBlocksController {

	/** A host name or address, with a port: what a remote actor's URL names. */
	private static final Pattern HOST = Pattern.compile("[a-z0-9]([a-z0-9.-]{0,252})(:\\d{1,5})?");

	private final DomainBlocks blocks;

	private final FederationAdminPage page;

	DomainBlocksController(DomainBlocks blocks, FederationAdminPage page) {
		this.blocks = blocks;
		this.page = page;
	}

	@GetMapping("/admin/federation")
	ModelAndView list() {
		return this.page.page();
	}

	@PostMapping("/admin/federation/blocks")
	String block(@AuthenticationPrincipal CurrentAccount admin, @RequestParam(defaultValue = "") String host,
			RedirectAttributes redirect) {
		String key = host.strip().toLowerCase(Locale.ROOT);
		if (!HOST.matcher(key).matches()) {
			Notices.problem(redirect, "federation.admin.bad-host", host.strip());
			return "redirect:/admin/federation";
		}
		this.blocks.block(admin, key);
		Notices.notice(redirect, "federation.admin.blocked", key);
		return "redirect:/admin/federation";
	}

	@PostMapping("/admin/federation/unblocks")
	String unblock(@AuthenticationPrincipal CurrentAccount admin, @RequestParam(defaultValue = "") String host,
			RedirectAttributes redirect) {
		this.blocks.unblock(admin, host.strip());
		Notices.notice(redirect, "federation.admin.unblocked", host.strip());
		return "redirect:/admin/federation";
	}

}
