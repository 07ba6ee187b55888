package org.veille.blogfeed;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.veille.account.CurrentAccount;
import org.veille.web.NotFoundException;
import org.veille.web.Notices;

/**
 * {@code /settings/feeds}: the feeds of a person's blogs, added (checked, {@value BlogFeeds#MAX_PER_PERSON} at
 * most), paused, resumed and removed, each with how its last poll went.
 */
@Controller
class BlogFeedsController {

	private final BlogFeeds feeds;

	private final FeedAddresses addresses;

	private final BlogFeedProperties properties;

	private final ObjectProvider<BlogFeedWorkers> workers;

	BlogFeedsController(BlogFeeds feeds, FeedAddresses addresses, BlogFeedProperties properties,
			ObjectProvider<BlogFeedWorkers> workers) {
		this.feeds = feeds;
		this.addresses = addresses;
		this.properties = properties;
		this.workers = workers;
	}

	@GetMapping("/settings/feeds")
	String page(@AuthenticationPrincipal CurrentAccount me, Model model) {
		return show(me, model, new FeedForm(""));
	}

	@PostMapping("/settings/feeds")
	String add(@AuthenticationPrincipal CurrentAccount me, @ModelAttribute FeedForm feedForm, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		String url = (feedForm.url() != null) ? feedForm.url() : "";
		try {
			this.feeds.add(me.id(), this.addresses.check(url));
		}
		catch (FeedRefusedException ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("urlError", ex.messageKey());
			model.addAttribute("urlErrorArgs", ex.arguments());
			return show(me, model, feedForm);
		}
		this.workers.ifAvailable(BlogFeedWorkers::wake);
		Notices.notice(redirect, "blogfeeds.added");
		return "redirect:/settings/feeds";
	}

	@PostMapping("/settings/feeds/{id}/pause")
	String pause(@AuthenticationPrincipal CurrentAccount me, @PathVariable long id, RedirectAttributes redirect) {
		return pauseOrResume(me, id, true, redirect);
	}

	@PostMapping("/settings/feeds/{id}/resume")
	String resume(@AuthenticationPrincipal CurrentAccount me, @PathVariable long id, RedirectAttributes redirect) {
		return pauseOrResume(me, id, false, redirect);
	}

	@PostMapping("/settings/feeds/{id}/remove")
	String remove(@AuthenticationPrincipal CurrentAccount me, @PathVariable long id, RedirectAttributes redirect) {
		if (!this.feeds.remove(me.id(), id)) {
			throw NotFoundException.page("/settings/feeds/" + id);
		}
		Notices.notice(redirect, "blogfeeds.removed");
		return "redirect:/settings/feeds";
	}

	private String pauseOrResume(CurrentAccount me, long id, boolean paused, RedirectAttributes redirect) {
		if (!this.feeds.setPaused(me.id(), id, paused, this.properties.pollEvery())) {
			throw NotFoundException.page("/settings/feeds/" + id);
		}
		Notices.notice(redirect, paused ? "blogfeeds.paused" : "blogfeeds.resumed");
		return "redirect:/settings/feeds";
	}

	private String show(CurrentAccount me, Model model, FeedForm form) {
		model.addAttribute("feedForm", form);
		model.addAttribute("feeds", this.feeds.list(me.id()));
		model.addAttribute("maxFeeds", BlogFeeds.MAX_PER_PERSON);
		return "blogfeed/feeds";
	}

}
