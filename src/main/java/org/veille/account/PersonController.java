package org.veille.account;

import org.jspecify.annotations.Nullable;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import org.veille.web.Cursor;

/**
 * A person's page: their threads and stars, or ({@code /only}) their threads alone.
 */
@Controller
class PersonController {

	private final PersonPages personPages;

	PersonController(PersonPages personPages) {
		this.personPages = personPages;
	}

	@GetMapping("/people/{login}")
	String person(@PathVariable String login, @RequestParam(required = false) @Nullable String before,
			@AuthenticationPrincipal @Nullable CurrentAccount me, Model model) {
		return show(login, false, before, me, model);
	}

	@GetMapping("/people/{login}/only")
	String threadsOnly(@PathVariable String login, @RequestParam(required = false) @Nullable String before,
			@AuthenticationPrincipal @Nullable CurrentAccount me, Model model) {
		return show(login, true, before, me, model);
	}

	private String show(String login, boolean onlyThreads, @Nullable String before, @Nullable CurrentAccount me,
			Model model) {
		PersonPage page = this.personPages.page(login, onlyThreads, Cursor.parse(before), me);
		if (!page.person().login().equals(login)) {
			return "redirect:" + page.canonicalPath();
		}
		model.addAttribute("personPage", page);
		model.addAttribute("person", page.person());
		model.addAttribute("page", page.page());
		return "account/person";
	}

}
