package org.veille.search;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriComponentsBuilder;

import org.veille.feed.FeedDescription;
import org.veille.feed.ThreadFeeds;
import org.veille.thread.ThreadPage;
import org.veille.thread.ThreadQueries;
import org.veille.thread.ThreadSummary;
import org.veille.web.Cursor;

/** The search page and its Atom feed (DESIGN §5). */
@Controller
class SearchController {

	private final SearchService search;

	private final ThreadFeeds feeds;

	SearchController(SearchService search, ThreadFeeds feeds) {
		this.search = search;
		this.feeds = feeds;
	}

	@GetMapping("/search")
	ModelAndView search(@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable String order, @RequestParam(required = false) @Nullable String before) {
		SearchOrder sort = SearchOrder.parse(order);
		Cursor cursor = Cursor.parse(before);
		SearchQuery query = SearchQuery.parse(q);
		SearchResults results = this.search.search(query, sort, cursor, ThreadQueries.PAGE_SIZE);
		ModelAndView page = view(query.raw(), sort);
		page.addObject("searched", !query.raw().isEmpty());
		page.addObject("nothingToSearch", !query.raw().isEmpty() && query.isEmpty());
		page.addObject("page", results.page());
		page.addObject("results", results.results());
		page.addObject("tags", results.tags());
		return page;
	}

	@GetMapping("/search/feed")
	@Nullable ModelAndView feed(@RequestParam(required = false) @Nullable String q, ServletWebRequest request) {
		SearchQuery query = SearchQuery.parse(q);
		List<ThreadSummary> threads = this.search.newest(query, ThreadQueries.FEED_SIZE).threads();
		Instant lastChange = threads.stream().map(ThreadSummary::updatedAt).max(Instant::compareTo).orElse(Instant.EPOCH);
		String pagePath = UriComponentsBuilder.fromPath("/search").queryParam("q", query.raw()).encode().build().toUriString();
		String feedPath = UriComponentsBuilder.fromPath("/search/feed").queryParam("q", query.raw()).encode().build().toUriString();
		return this.feeds.respond(request, new FeedDescription("Search: " + query.raw(), pagePath, feedPath, lastChange),
				() -> threads);
	}

	/** A query too long: the form again with the text kept and the reason, status 400. */
	@ExceptionHandler(SearchQuery.QueryTooLongException.class)
	ModelAndView tooLong(SearchQuery.QueryTooLongException ex) {
		ModelAndView page = view(ex.query(), SearchOrder.NEWEST);
		page.addObject("searched", true);
		page.addObject("tooLong", true);
		page.addObject("maxLength", SearchQuery.MAX_LENGTH);
		page.addObject("page", new ThreadPage(List.of(), null));
		page.addObject("results", List.of());
		page.addObject("tags", List.of());
		page.setStatus(HttpStatus.BAD_REQUEST);
		return page;
	}

	private static ModelAndView view(String query, SearchOrder order) {
		ModelAndView page = new ModelAndView("search/search");
		page.addObject("q", query);
		page.addObject("order", order.parameter());
		page.addObject("tooLong", false);
		page.addObject("feedPath",
				UriComponentsBuilder.fromPath("/search/feed").queryParam("q", query).encode().build().toUriString());
		return page;
	}

}
