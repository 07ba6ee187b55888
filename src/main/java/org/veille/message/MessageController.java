package org.veille.message;

import org.jspecify.annotations.Nullable;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;

import org.veille.account.CurrentAccount;
import org.veille.web.Redirects;

/**
 * A thread's page; the address of a reply leads to its thread, at the reply.
 */
@Controller
class MessageController {

	private final ThreadPages threadPages;

	MessageController(ThreadPages threadPages) {
		this.threadPages = threadPages;
	}

	@GetMapping("/messages/{id}")
	ModelAndView thread(@PathVariable long id, @AuthenticationPrincipal @Nullable CurrentAccount me) {
		ThreadPages.Shown shown = this.threadPages.show(id, me);
		if (shown instanceof ThreadPages.MovedReply moved) {
			return Redirects.permanent(moved.path());
		}
		ThreadView view = ((ThreadPages.Page) shown).view();
		return new ModelAndView("message/thread").addObject("view", view)
			.addObject("replyForm", ReplyForm.empty());
	}

}
