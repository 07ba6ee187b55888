package org.veille.person;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.veille.account.CurrentAccount;
import org.veille.account.HomeFeedTokens;
import org.veille.feed.FeedDescription;
import org.veille.feed.ThreadFeeds;
import org.veille.thread.ThreadPage;
import org.veille.thread.ThreadQueries;
import org.veille.thread.ThreadSummary;
import org.veille.web.Cursor;
import org.veille.web.NotFoundException;
import org.veille.web.Notices;

/**
 * A person's home stream as a feed, at a secret address ({@code /feeds/home/{token}}) made, renewed
 * and revoked on {@code /settings/api}. An unknown or revoked token is a plain 404.
 */
@Controller
class HomeFeedController {

	private final HomeFeedTokens tokens;

	private final ThreadQueries threads;

	private final ThreadFeeds feeds;

	HomeFeedController(HomeFeedTokens tokens, ThreadQueries threads, ThreadFeeds feeds) {
		this.tokens = tokens;
		this.threads = threads;
		this.feeds = feeds;
	}

	@GetMapping("/feeds/home/{token}")
	@Nullable ModelAndView feed(@PathVariable String token, @RequestParam(required = false) @Nullable String before,
			ServletWebRequest request) {
		HomeFeedTokens.PersonKey person = this.tokens.owner(token)
			.orElseThrow(() -> NotFoundException.person("behind this feed token"));
		ThreadPage newest = this.threads.home(person.id(), Cursor.parse(before), ThreadQueries.FEED_SIZE);
		Instant lastChange = newest.threads()
			.stream()
			.map(ThreadSummary::entryUpdatedAt)
			.max(Instant::compareTo)
			.orElse(Instant.EPOCH);
		FeedDescription description = new FeedDescription("Home of @" + person.login(), "/",
				"/feeds/home/" + token, lastChange);
		ModelAndView view = this.feeds.respondPaged(request, description, before, (cursor) -> newest);
		// A secret address: no shared cache may keep it.
		request.getResponse().setHeader(HttpHeaders.CACHE_CONTROL, "private, max-age=60");
		request.getResponse().setHeader("X-Robots-Tag", "noindex");
		return view;
	}

	@PostMapping("/settings/api/home-feed")
	String renew(@AuthenticationPrincipal CurrentAccount me, RedirectAttributes redirect) {
		String token = this.tokens.renew(me.id());
		redirect.addFlashAttribute("homeFeedPath", "/feeds/home/" + token);
		return "redirect:/settings/api";
	}

	@PostMapping("/settings/api/home-feed/revoke")
	String revoke(@AuthenticationPrincipal CurrentAccount me, RedirectAttributes redirect) {
		this.tokens.revoke(me.id());
		Notices.notice(redirect, "home-feed.revoked");
		return "redirect:/settings/api";
	}

}
