package org.veille.admin;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.veille.account.CurrentAccount;
import org.veille.web.BadRequestException;
import org.veille.web.Notices;

/** {@code /admin/reports}: the open reports, oldest first, each with its three answers. */
@Controller
class AdminReportsController {

	private final ReportQueue queue;

	private final ReportActions actions;

	AdminReportsController(ReportQueue queue, ReportActions actions) {
		this.queue = queue;
		this.actions = actions;
	}

	@GetMapping("/admin/reports")
	String reports(Model model) {
		model.addAttribute("reports", this.queue.open());
		return "admin/reports";
	}

	@PostMapping("/admin/reports/{id}")
	String act(@AuthenticationPrincipal CurrentAccount me, @PathVariable long id, @RequestParam String action,
			RedirectAttributes redirect) {
		ReportActions.Action chosen = ReportActions.Action.of(action)
			.orElseThrow(() -> new BadRequestException("No action " + action));
		ReportActions.Result result = this.actions.act(me, id, chosen);
		if (result.done()) {
			Notices.notice(redirect, "admin.reports.done." + chosen.status.key(), String.valueOf(id));
		}
		else if (result.byLogin() != null && result.status() != null) {
			Notices.problem(redirect, "admin.reports.already." + result.status().key(), String.valueOf(id),
					result.byLogin());
		}
		else {
			Notices.problem(redirect, "admin.reports.unknown", String.valueOf(id));
		}
		return "redirect:/admin/reports";
	}

}
