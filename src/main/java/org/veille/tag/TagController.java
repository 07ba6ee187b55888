package org.veille.tag;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.ModelAndView;

import org.veille.account.CurrentAccount;
import org.veille.feed.FeedDescription;
import org.veille.feed.ThreadFeeds;
import org.veille.follow.Relations;
import org.veille.pagecache.PageKeys;
import org.veille.thread.ThreadPage;
import org.veille.thread.ThreadQueries;
import org.veille.web.Cursor;
import org.veille.web.NotFoundException;
import org.veille.web.Redirects;

/**
 * Tag pages and tag feeds. Both live under {@code /tag/{*path}} because a tag may contain
 * slashes ({@code #2026/11}); {@link TagPath} tells them apart.
 */
@Controller
class TagController {

	private final TagQueries tags;

	private final ThreadQueries threads;

	private final ThreadFeeds feeds;

	private final Relations relations;

	TagController(TagQueries tags, ThreadQueries threads, ThreadFeeds feeds, Relations relations) {
		this.tags = tags;
		this.threads = threads;
		this.feeds = feeds;
		this.relations = relations;
	}

	@GetMapping("/tag/{*path}")
	@Nullable ModelAndView tag(@PathVariable String path, @RequestParam(required = false) @Nullable String before,
			@AuthenticationPrincipal @Nullable CurrentAccount me, ServletWebRequest request) {
		TagPath tagPath = TagPath.parse(path);
		if (tagPath.key().isEmpty()) {
			throw NotFoundException.tag(tagPath.spelled());
		}
		Cursor cursor = Cursor.parse(before);
		if (!tagPath.isCanonical()) {
			return Redirects.permanent(tagPath.canonicalPath(), cursor);
		}
		PageKeys.tell((page) -> page.tagPage(tagPath.key()));
		if (tagPath.feed()) {
			TagStamp stamp = this.tags.stamp(tagPath.key(), tagPath.scope())
				.orElseThrow(() -> NotFoundException.tag(tagPath.key()));
			FeedDescription description = new FeedDescription(title(tagPath, stamp.display()), tagPath.pagePath(),
					tagPath.feedPath(), stamp.lastChange());
			return this.feeds.respondPaged(request, description, before,
					(feedCursor) -> threads(tagPath, null, feedCursor, ThreadQueries.FEED_SIZE));
		}
		TagView tag = this.tags.findByKey(tagPath.key()).orElse(null);
		if (tag == null && !this.tags.listsAny(tagPath)) {
			throw NotFoundException.tag(tagPath.key());
		}
		String title = title(tagPath, (tag != null) ? tag.display() : null);
		ModelAndView page = new ModelAndView("tag/tag");
		page.addObject("tag", tag);
		page.addObject("title", title);
		page.addObject("canonicalPath", tagPath.pagePath());
		page.addObject("feedPath", tagPath.feedPath());
		page.addObject("page", threads(tagPath, tag, cursor, ThreadQueries.PAGE_SIZE));
		page.addObject("neighbours",
				(cursor == null) ? this.tags.neighbours(tagPath.key(), tag) : TagNeighbours.NONE);
		page.addObject("following", me != null && tag != null && this.relations.followsTag(me.id(), tag.id()));
		return page;
	}

	/** The threads a page lists: its tag's alone (exact form, the tag read when not given), or its range's. */
	private ThreadPage threads(TagPath path, @Nullable TagView tag, @Nullable Cursor cursor, int size) {
		if (path.scope() != TagPath.Scope.EXACT) {
			return this.threads.byTags(TagQueries.range(path), cursor, size);
		}
		TagView named = (tag != null) ? tag
				: this.tags.findByKey(path.key()).orElseThrow(() -> NotFoundException.tag(path.key()));
		return this.threads.byTag(named.id(), cursor, size);
	}

	private static String title(TagPath tagPath, @Nullable String display) {
		return "#" + ((display != null) ? display : tagPath.key()) + ((tagPath.scope() == TagPath.Scope.PREFIX) ? "…" : "");
	}

}
