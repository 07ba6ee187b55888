package org.veille.tag;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import org.veille.markup.TagKeys;
import org.veille.web.Cursor;

/** The tag index {@code /tags}: the most used tags with their counts, a filter box, and trending tags. */
@Controller
class TagIndexController {

	static final int PAGE_SIZE = 100;

	static final int TRENDING_SHOWN = 20;

	/** "Trending" counts the threads of this last stretch of time. */
	static final Duration TRENDING_WINDOW = Duration.ofDays(7);

	/** A filter longer than a tag can be finds nothing anyway. */
	static final int MAX_FILTER_LENGTH = 100;

	private final TagQueries tags;

	private final Clock clock;

	TagIndexController(TagQueries tags, Clock clock) {
		this.tags = tags;
		this.clock = clock;
	}

	@GetMapping("/tags")
	ModelAndView index(@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable String before) {
		Cursor cursor = Cursor.parse(before);
		String filter = (q != null) ? q.strip() : "";
		String prefix = TagKeys.fold(filter.startsWith("#") ? filter.substring(1) : filter);
		ModelAndView page = new ModelAndView("tag/index");
		page.addObject("q", filter);
		if (!prefix.isEmpty()) {
			List<TagLink> found = (prefix.length() <= MAX_FILTER_LENGTH) ? this.tags.startingWith(prefix, PAGE_SIZE)
					: List.of();
			page.addObject("index", new TagIndexPage(found, null));
			page.addObject("trending", List.of());
		}
		else {
			page.addObject("index", this.tags.mostUsed(cursor, PAGE_SIZE));
			page.addObject("trending",
					(cursor == null) ? this.tags.trending(Instant.now(this.clock).minus(TRENDING_WINDOW), TRENDING_SHOWN) : List.of());
		}
		return page;
	}

}
