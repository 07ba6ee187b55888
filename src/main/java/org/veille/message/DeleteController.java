package org.veille.message;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.veille.account.CurrentAccount;
import org.veille.web.Notices;

/**
 * Deletes a message: back to the thread after a reply, to one's own page after a whole thread.
 */
@Controller
class DeleteController {

	private final MessageEditService editService;

	DeleteController(MessageEditService editService) {
		this.editService = editService;
	}

	@PostMapping("/messages/{id}/delete")
	String delete(@PathVariable long id, @AuthenticationPrincipal CurrentAccount me, RedirectAttributes redirect) {
		MessageEditService.Deleted deleted = this.editService.delete(me.id(), id);
		if (deleted.wholeThread()) {
			Notices.notice(redirect, "delete.thread.done");
			return "redirect:/people/" + me.login();
		}
		Notices.notice(redirect, "delete.reply.done");
		return "redirect:/messages/" + deleted.threadId();
	}

}
