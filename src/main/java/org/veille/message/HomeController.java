package org.veille.message;

import org.jspecify.annotations.Nullable;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.ModelAndView;

import org.veille.account.Administrators;
import org.veille.account.CurrentAccount;
import org.veille.feed.FeedDescription;
import org.veille.feed.ThreadFeeds;
import org.veille.pagecache.PageKeys;
import org.veille.thread.ThreadQueries;
import org.veille.web.Cursor;

/**
 * The home page (the latest threads for visitors, the home stream and the posting form for people
 * signed in) and {@code /all}, every thread, with its feed.
 */
@Controller
class HomeController {

	static final String ALL_FEED = "/all/feed";

	private final ThreadQueries threads;

	private final ThreadFeeds feeds;

	private final Administrators administrators;

	HomeController(ThreadQueries threads, ThreadFeeds feeds, Administrators administrators) {
		this.threads = threads;
		this.feeds = feeds;
		this.administrators = administrators;
	}

	@GetMapping("/")
	String home(@RequestParam(required = false) @Nullable String before,
			@AuthenticationPrincipal @Nullable CurrentAccount me, Model model) {
		Cursor cursor = Cursor.parse(before);
		if (me == null) {
			PageKeys.tell(PageKeys::latest);
			model.addAttribute("page", this.threads.latest(cursor, ThreadQueries.PAGE_SIZE));
			return "home";
		}
		model.addAttribute("postForm", PostForm.empty(PostForm.FROM_HOME));
		// Only an administrator's home page says how they became one: a member's costs no round trip for it.
		model.addAttribute("adminAsFirstAccount", me.isAdmin() && this.administrators.isAdminAsFirstAccount(me.id()));
		model.addAttribute("page", this.threads.home(me.id(), cursor, ThreadQueries.PAGE_SIZE));
		return "home";
	}

	@GetMapping("/all")
	String all(@RequestParam(required = false) @Nullable String before, Model model) {
		model.addAttribute("page", this.threads.latest(Cursor.parse(before), ThreadQueries.PAGE_SIZE));
		return "all";
	}

	@GetMapping(ALL_FEED)
	@Nullable ModelAndView allFeed(@RequestParam(required = false) @Nullable String before,
			ServletWebRequest request) {
		FeedDescription description = new FeedDescription("", "/all", ALL_FEED, this.threads.lastThreadChange());
		return this.feeds.respondPaged(request, description, before,
				(cursor) -> this.threads.latest(cursor, ThreadQueries.FEED_SIZE));
	}

}
