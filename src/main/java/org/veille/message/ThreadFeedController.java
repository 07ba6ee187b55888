package org.veille.message;

import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.ModelAndView;

import org.veille.feed.FeedDescription;
import org.veille.feed.ThreadFeeds;
import org.veille.thread.ThreadQueries;
import org.veille.thread.ThreadSummary;
import org.veille.web.NotFoundException;

/**
 * {@code /messages/{id}/feed}: the latest replies of a thread, each saying which thread it answers.
 */
@Controller
class ThreadFeedController {

	private final ThreadQueries threads;

	private final ThreadFeeds feeds;

	private final MessageSource messages;

	ThreadFeedController(ThreadQueries threads, ThreadFeeds feeds, MessageSource messages) {
		this.threads = threads;
		this.feeds = feeds;
		this.messages = messages;
	}

	@GetMapping("/messages/{id}/feed")
	@Nullable ModelAndView feed(@PathVariable long id, ServletWebRequest request) {
		ThreadSummary thread = this.threads.thread(id).orElseThrow(() -> NotFoundException.message(id));
		String title = this.messages.getMessage("feed.replies.title", new Object[] { thread.title() },
				LocaleContextHolder.getLocale());
		FeedDescription description = new FeedDescription(title, thread.path(), thread.path() + "/feed",
				this.threads.lastChangeOfThread(id).orElseThrow(() -> NotFoundException.message(id)));
		return this.feeds.respondWithReplies(request, description, thread,
				() -> this.threads.latestReplies(id, ThreadQueries.FEED_SIZE));
	}

}
