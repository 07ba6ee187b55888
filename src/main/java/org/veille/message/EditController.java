package org.veille.message;

import jakarta.validation.Valid;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

import org.veille.account.CurrentAccount;

/**
 * The author edits a message; an error comes back on the form with the text kept.
 */
@Controller
class EditController {

	private final MessageEditService editService;

	private final TopicSuggestions topics;

	EditController(MessageEditService editService, TopicSuggestions topics) {
		this.editService = editService;
		this.topics = topics;
	}

	@GetMapping("/messages/{id}/edit")
	String form(@PathVariable long id, @AuthenticationPrincipal CurrentAccount me, Model model) {
		String text = this.editService.textToEdit(me.id(), id);
		model.addAttribute("editForm", new EditForm(text));
		model.addAttribute("messageId", id);
		model.addAttribute("topics", this.topics.of(text));
		return "message/edit";
	}

	@PostMapping("/messages/{id}/edit")
	String edit(@PathVariable long id, @Valid @ModelAttribute EditForm editForm, BindingResult result,
			@AuthenticationPrincipal CurrentAccount me, Model model) {
		if (!result.hasErrors()) {
			try {
				return "redirect:" + this.editService.edit(me.id(), id, editForm.text()).path();
			}
			catch (MessageRejectedException ex) {
				result.rejectValue("text", ex.messageKey(), ex.arguments(), ex.messageKey());
			}
		}
		model.addAttribute("messageId", id);
		return "message/edit";
	}

}
