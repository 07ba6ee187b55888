package org.veille.person;

import org.jspecify.annotations.Nullable;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import org.veille.account.CurrentAccount;
import org.veille.web.Cursor;
import org.veille.web.Redirects;

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
	ModelAndView person(@PathVariable String login, @RequestParam(required = false) @Nullable String before,
			@AuthenticationPrincipal @Nullable CurrentAccount me) {
		return show(login, false, before, me);
	}

	@GetMapping("/people/{login}/only")
	ModelAndView threadsOnly(@PathVariable String login, @RequestParam(required = false) @Nullable String before,
			@AuthenticationPrincipal @Nullable CurrentAccount me) {
		return show(login, true, before, me);
	}

	private ModelAndView show(String login, boolean onlyThreads, @Nullable String before, @Nullable CurrentAccount me) {
		Cursor cursor = Cursor.parse(before);
		PersonPage page = this.personPages.page(login, onlyThreads, cursor, me);
		if (!page.person().login().equals(login)) {
			return Redirects.permanent(page.canonicalPath(), cursor);
		}
		return new ModelAndView("account/person").addObject("personPage", page)
			.addObject("person", page.person())
			.addObject("page", page.page());
	}

}
