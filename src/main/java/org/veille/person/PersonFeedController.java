package org.veille.person;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.ModelAndView;

import org.veille.account.PersonView;
import org.veille.feed.FeedDescription;
import org.veille.feed.ThreadFeeds;
import org.veille.thread.ThreadQueries;
import org.veille.web.Cursor;
import org.veille.web.Redirects;

/**
 * A person's feeds: their threads and stars, or their threads only, answering conditional GETs from
 * {@code accounts.changed_at}.
 */
@Controller
class PersonFeedController {

	private final PersonPages personPages;

	private final ThreadFeeds feeds;

	PersonFeedController(PersonPages personPages, ThreadFeeds feeds) {
		this.personPages = personPages;
		this.feeds = feeds;
	}

	@GetMapping("/people/{login}/feed")
	@Nullable ModelAndView feed(@PathVariable String login, @RequestParam(required = false) @Nullable String before,
			ServletWebRequest request) {
		return respond(login, false, before, request);
	}

	@GetMapping("/people/{login}/only/feed")
	@Nullable ModelAndView threadsOnlyFeed(@PathVariable String login,
			@RequestParam(required = false) @Nullable String before, ServletWebRequest request) {
		return respond(login, true, before, request);
	}

	private @Nullable ModelAndView respond(String login, boolean onlyThreads, @Nullable String before,
			ServletWebRequest request) {
		Cursor cursor = Cursor.parse(before);
		PersonView person = this.personPages.person(login);
		String pagePath = onlyThreads ? person.onlyPath() : person.path();
		if (!person.login().equals(login)) {
			return Redirects.permanent(pagePath + "/feed", cursor);
		}
		FeedDescription description = new FeedDescription(person.shownName(), pagePath,
				pagePath + "/feed", person.changedAt());
		return this.feeds.respondPaged(request, description, before,
				(feedCursor) -> this.personPages.entries(person, onlyThreads, feedCursor, ThreadQueries.FEED_SIZE));
	}

}
