package org.veille.message;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

import org.veille.account.CurrentAccount;

/**
 * The reply form of a thread page. An error comes back on the thread page, with the text kept.
 */
@Controller
class ReplyController {

	private final MessageService messageService;

	private final ThreadPages threadPages;

	ReplyController(MessageService messageService, ThreadPages threadPages) {
		this.messageService = messageService;
		this.threadPages = threadPages;
	}

	@PostMapping("/messages/{id}/replies")
	String reply(@PathVariable long id, @Valid @ModelAttribute ReplyForm replyForm, BindingResult result,
			@AuthenticationPrincipal CurrentAccount me, Model model, HttpServletResponse response) {
		if (!result.hasErrors()) {
			try {
				return "redirect:" + this.messageService.reply(me.id(), id, replyForm.text()).path();
			}
			catch (MessageRejectedException ex) {
				result.rejectValue("text", ex.messageKey(), ex.arguments(), ex.messageKey());
				if (ex instanceof PostingThrottledException throttled) {
					PostingThrottledException.answer(throttled, response);
				}
			}
		}
		model.addAttribute("view", this.threadPages.view(id, me));
		return "message/thread";
	}

}
