package org.veille.message;

import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import org.veille.account.CurrentAccount;
import org.veille.link.LinkService;
import org.veille.thread.ThreadQueries;

/**
 * The posting form, on {@code /post} (which the bookmarklet pre-fills) and on the home page.
 */
@Controller
class PostController {

	private final MessageService messageService;

	private final ThreadQueries threads;

	private final LinkService links;

	private final TopicSuggestions topics;

	PostController(MessageService messageService, ThreadQueries threads, LinkService links, TopicSuggestions topics) {
		this.messageService = messageService;
		this.threads = threads;
		this.links = links;
		this.topics = topics;
	}

	@GetMapping("/post")
	String form(@RequestParam(required = false) @Nullable String url,
			@RequestParam(required = false) @Nullable String title,
			@RequestParam(required = false) @Nullable String selection, Model model) {
		PostForm form = new PostForm(Prefill.text(title, url, selection), "post", title, url);
		model.addAttribute("postForm", form);
		// A page the bookmarklet sends may have been fetched already: its topics are offered at once.
		model.addAttribute("topics", this.topics.of(form.text()));
		return "message/post";
	}

	@PostMapping("/post")
	String post(@Valid @ModelAttribute PostForm postForm, BindingResult result,
			@AuthenticationPrincipal CurrentAccount me, Model model) {
		if (!result.hasErrors()) {
			try {
				Posted posted = this.messageService.startThread(me.id(), postForm.text());
				if (postForm.pageTitle() != null && postForm.pageUrl() != null) {
					this.links.giveTitle(posted.id(), postForm.pageUrl(), postForm.pageTitle());
				}
				return "redirect:" + posted.path();
			}
			catch (MessageRejectedException ex) {
				result.rejectValue("text", ex.messageKey(), ex.arguments(), ex.messageKey());
			}
		}
		if (postForm.fromHome()) {
			model.addAttribute("page", this.threads.home(me.id(), null, ThreadQueries.PAGE_SIZE));
			return "home";
		}
		return "message/post";
	}

}
