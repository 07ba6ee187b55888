package org.veille.report;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.veille.account.CurrentAccount;
import org.veille.web.NotFoundException;
import org.veille.web.Notices;

/**
 * {@code /messages/{id}/report} and {@code /people/{login}/report}: a form with a reason and a note, which
 * works without script. A message deleted or hidden meanwhile answers 404; a missing reason or a note too
 * long answers 400 with the form as typed.
 */
@Controller
class ReportController {

	private final Reports reports;

	ReportController(Reports reports) {
		this.reports = reports;
	}

	@GetMapping("/messages/{id}/report")
	String messageForm(@PathVariable long id, Model model) {
		return form(model, this.reports.message(id).orElseThrow(() -> NotFoundException.message(id)),
				ReportForm.empty());
	}

	@PostMapping("/messages/{id}/report")
	String reportMessage(@PathVariable long id, @ModelAttribute ReportForm reportForm,
			@AuthenticationPrincipal CurrentAccount me, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		Reports.Subject subject = this.reports.message(id).orElseThrow(() -> NotFoundException.message(id));
		return file(me, subject, reportForm, model, response, redirect, "/messages/" + id);
	}

	@GetMapping("/people/{login}/report")
	String personForm(@PathVariable String login, Model model) {
		return form(model, this.reports.person(login).orElseThrow(() -> NotFoundException.person(login)),
				ReportForm.empty());
	}

	@PostMapping("/people/{login}/report")
	String reportPerson(@PathVariable String login, @ModelAttribute ReportForm reportForm,
			@AuthenticationPrincipal CurrentAccount me, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		Reports.Subject subject = this.reports.person(login).orElseThrow(() -> NotFoundException.person(login));
		return file(me, subject, reportForm, model, response, redirect, "/people/" + subject.login());
	}

	private String file(CurrentAccount me, Reports.Subject subject, ReportForm form, Model model,
			HttpServletResponse response, RedirectAttributes redirect, String back) {
		ReportReason reason = ReportReason.of(form.reason()).orElse(null);
		String problem = (reason == null) ? "report.reason.missing"
				: (form.noteText().length() > ReportForm.NOTE_LIMIT) ? "report.note.too-long" : null;
		if (problem != null || reason == null) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("problem", problem);
			model.addAttribute("problemArgs", new Object[] { ReportForm.NOTE_LIMIT });
			return form(model, subject, form);
		}
		switch (this.reports.file(me.id(), subject, reason, form.noteText())) {
			case FILED -> Notices.notice(redirect, "report.filed");
			case ALREADY -> Notices.notice(redirect, "report.already");
			case OWN -> Notices.problem(redirect, "report.own");
		}
		return "redirect:" + back;
	}

	private static String form(Model model, Reports.Subject subject, ReportForm form) {
		model.addAttribute("subject", subject);
		model.addAttribute("reportForm", form);
		model.addAttribute("reasons", ReportReason.values());
		return "report/report";
	}

}
