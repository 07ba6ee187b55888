package org.veille.account;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import org.veille.thread.ThreadQueries;
import org.veille.web.Cursor;
import org.veille.web.NotFoundException;

@Controller
class PersonController {

	private final AccountService accountService;

	private final ThreadQueries threads;

	PersonController(AccountService accountService, ThreadQueries threads) {
		this.accountService = accountService;
		this.threads = threads;
	}

	@GetMapping("/people/{login}")
	String person(@PathVariable String login, @RequestParam(required = false) @Nullable String before, Model model) {
		Cursor cursor = Cursor.parse(before);
		PersonView person = this.accountService.findPerson(login).orElseThrow(() -> NotFoundException.person(login));
		if (!person.login().equals(login)) {
			return "redirect:" + person.path();
		}
		model.addAttribute("person", person);
		model.addAttribute("page", this.threads.byAuthor(person.id(), cursor, ThreadQueries.PAGE_SIZE));
		return "account/person";
	}

}
