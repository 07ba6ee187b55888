package org.veille.alert;

import org.jspecify.annotations.Nullable;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import org.veille.account.CurrentAccount;
import org.veille.report.ReportOutcomes;
import org.veille.thread.AlertQueries;
import org.veille.thread.ThreadQueries;
import org.veille.web.Cursor;

/**
 * {@code /alerts}: the latest replies in my threads, mentions of me, and replies by people I follow; on the
 * first page, what became of my latest reports.
 */
@Controller
class AlertsController {

	private final AlertQueries alerts;

	private final ReportOutcomes reportOutcomes;

	AlertsController(AlertQueries alerts, ReportOutcomes reportOutcomes) {
		this.alerts = alerts;
		this.reportOutcomes = reportOutcomes;
	}

	@GetMapping("/alerts")
	String alerts(@RequestParam(required = false) @Nullable String before, @AuthenticationPrincipal CurrentAccount me,
			Model model) {
		model.addAttribute("page", this.alerts.alerts(me.id(), Cursor.parse(before), ThreadQueries.PAGE_SIZE));
		if (before == null) {
			model.addAttribute("reportOutcomes", this.reportOutcomes.latest(me.id()));
		}
		return "alert/alerts";
	}

}
