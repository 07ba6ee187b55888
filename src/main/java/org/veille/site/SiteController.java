package org.veille.site;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.ModelAndView;

import org.veille.feed.FeedDescription;
import org.veille.feed.ThreadFeeds;
import org.veille.pagecache.PageKeys;
import org.veille.thread.ThreadQueries;
import org.veille.web.Cursor;
import org.veille.web.NotFoundException;
import org.veille.web.Redirects;

/**
 * Site pages and their feeds: {@code /sites/{host}}, {@code /sites/{host}/{path…}} and the same with
 * {@code /feed}. The path is read from the raw request path, so that its escapes are the ones stored.
 */
@Controller
class SiteController {

	private static final String PREFIX = "/sites";

	private final SiteQueries sites;

	private final ThreadQueries threads;

	private final ThreadFeeds feeds;

	SiteController(SiteQueries sites, ThreadQueries threads, ThreadFeeds feeds) {
		this.sites = sites;
		this.threads = threads;
		this.feeds = feeds;
	}

	@GetMapping({ "/sites/{host}", "/sites/{host}/**" })
	@Nullable ModelAndView site(@RequestParam(required = false) @Nullable String before, ServletWebRequest webRequest) {
		HttpServletRequest request = webRequest.getRequest();
		String raw = request.getRequestURI().substring(request.getContextPath().length() + PREFIX.length());
		SitePath sitePath = SitePath.parse(raw).orElseThrow(() -> NotFoundException.site(raw, ""));
		Cursor cursor = Cursor.parse(before);
		if (!sitePath.canonical()) {
			return Redirects.permanent(sitePath.canonicalPath(), cursor);
		}
		PageKeys.tell((page) -> page.site(sitePath.host()));
		SiteView site = this.sites.find(sitePath.host(), sitePath.path())
			.orElseThrow(() -> NotFoundException.site(sitePath.host(), sitePath.path()));
		if (sitePath.feed()) {
			FeedDescription description = new FeedDescription(site.displayName(), site.pagePath(), site.feedPath(),
					site.changedAt());
			return this.feeds.respondPaged(webRequest, description, before,
					(feedCursor) -> this.threads.bySitePath(site.id(), feedCursor, ThreadQueries.FEED_SIZE));
		}
		ModelAndView page = new ModelAndView("link/site");
		page.addObject("site", site);
		page.addObject("ancestors", ancestors(site));
		page.addObject("fetchedTitle", this.sites.pageTitle(site).orElse(null));
		page.addObject("children", this.sites.children(site));
		page.addObject("page", this.threads.bySitePath(site.id(), cursor, ThreadQueries.PAGE_SIZE));
		return page;
	}

	/** The site and the paths above this one, outermost first, for the breadcrumb (no query needed). */
	private static List<SiteView> ancestors(SiteView site) {
		List<SiteView> ancestors = new ArrayList<>();
		String path = site.path();
		while (!path.isEmpty()) {
			path = path.substring(0, path.lastIndexOf('/'));
			ancestors.add(0, new SiteView(0, site.host(), path, 0, site.changedAt()));
		}
		return ancestors;
	}

}
