package org.veille.admin;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.veille.account.CurrentAccount;
import org.veille.web.Notices;

/**
 * {@code /admin/people}: find people by login or address, suspend them or lift their suspension, delete their
 * account with its login typed.
 */
@Controller
class AdminPeopleController {

	private final AdminPeople people;

	private final Suspensions suspensions;

	private final AccountDeletions deletions;

	AdminPeopleController(AdminPeople people, Suspensions suspensions, AccountDeletions deletions) {
		this.people = people;
		this.suspensions = suspensions;
		this.deletions = deletions;
	}

	@GetMapping("/admin")
	String admin() {
		return "redirect:/admin/people";
	}

	@GetMapping("/admin/people")
	String people(@RequestParam(defaultValue = "") String q, Model model) {
		model.addAttribute("q", q);
		model.addAttribute("people", this.people.search(q));
		return "admin/people";
	}

	@PostMapping("/admin/people/{login}/suspend")
	String suspend(@AuthenticationPrincipal CurrentAccount me, @PathVariable String login,
			@RequestParam(required = false) @Nullable String note, RedirectAttributes redirect) {
		switch (this.suspensions.suspend(me, login, note)) {
			case DONE -> Notices.notice(redirect, "admin.people.suspended.done", login);
			case ALREADY -> Notices.problem(redirect, "admin.people.already-suspended", login);
			case SELF -> Notices.problem(redirect, "admin.people.self");
			case UNKNOWN -> Notices.problem(redirect, "admin.people.unknown", login);
		}
		redirect.addAttribute("q", login);
		return "redirect:/admin/people";
	}

	@PostMapping("/admin/people/{login}/unsuspend")
	String unsuspend(@AuthenticationPrincipal CurrentAccount me, @PathVariable String login,
			RedirectAttributes redirect) {
		switch (this.suspensions.unsuspend(me, login)) {
			case DONE -> Notices.notice(redirect, "admin.people.unsuspended.done", login);
			case ALREADY, SELF -> Notices.problem(redirect, "admin.people.not-suspended", login);
			case UNKNOWN -> Notices.problem(redirect, "admin.people.unknown", login);
		}
		redirect.addAttribute("q", login);
		return "redirect:/admin/people";
	}

	/** Deletes the account once its login is typed in {@code confirm}; a wrong or missing one answers 400. */
	@PostMapping("/admin/people/{login}/delete")
	String delete(@AuthenticationPrincipal CurrentAccount me, @PathVariable String login,
			@RequestParam(required = false) @Nullable String confirm, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		switch (this.deletions.delete(me, login, confirm)) {
			case DONE -> Notices.notice(redirect, "admin.people.deleted", login);
			case SELF -> Notices.problem(redirect, "admin.people.self-delete");
			case UNKNOWN -> Notices.problem(redirect, "admin.people.unknown", login);
			case NOT_CONFIRMED -> {
				response.setStatus(HttpStatus.BAD_REQUEST.value());
				model.addAttribute("problem", "admin.people.delete.confirm-mismatch");
				model.addAttribute("problemArgs", new Object[] { login });
				return people(login, model);
			}
		}
		return "redirect:/admin/people";
	}

}
