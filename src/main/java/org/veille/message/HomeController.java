package org.veille.message;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import org.veille.thread.ThreadQueries;
import org.veille.web.Cursor;

/**
 * The home page and {@code /all}: the latest threads of the site, with the posting form for
 * signed-in people.
 */
@Controller
class HomeController {

	private final ThreadQueries threads;

	HomeController(ThreadQueries threads) {
		this.threads = threads;
	}

	@GetMapping("/")
	String home(@RequestParam(required = false) @Nullable String before, Model model) {
		model.addAttribute("postForm", PostForm.empty(PostForm.FROM_HOME));
		model.addAttribute("page", this.threads.latest(Cursor.parse(before), ThreadQueries.PAGE_SIZE));
		return "home";
	}

	@GetMapping("/all")
	String all(@RequestParam(required = false) @Nullable String before, Model model) {
		model.addAttribute("page", this.threads.latest(Cursor.parse(before), ThreadQueries.PAGE_SIZE));
		return "all";
	}

}
