package org.veille.message;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import org.veille.thread.ThreadQueries;
import org.veille.thread.ThreadSummary;
import org.veille.web.NotFoundException;

@Controller
class MessageController {

	private final ThreadQueries threads;

	MessageController(ThreadQueries threads) {
		this.threads = threads;
	}

	@GetMapping("/messages/{id}")
	String thread(@PathVariable long id, Model model) {
		ThreadSummary thread = this.threads.thread(id).orElseThrow(() -> NotFoundException.message(id));
		model.addAttribute("thread", thread);
		return "message/thread";
	}

}
