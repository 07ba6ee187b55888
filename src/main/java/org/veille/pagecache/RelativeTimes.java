package org.veille.pagecache;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

import org.veille.web.RelativeTime;

/**
 * The relative times of a kept page ("3 minutes ago"), written afresh each time it is served. A page's
 * {@code <time datetime="…">} elements whose text is the relative time of their {@code datetime} when the page
 * was rendered are cut out of the kept body; any other text (a day, "in 3 minutes") is kept as it is.
 */
@Component
class RelativeTimes {

	private static final String OPEN = "<time ";

	private static final String DATETIME = "datetime=\"";

	private static final String CLOSE = "</time>";

	private final RelativeTime relativeTime;

	private final Clock clock;

	RelativeTimes(RelativeTime relativeTime, Clock clock) {
		this.relativeTime = relativeTime;
		this.clock = clock;
	}

	Instant now() {
		return this.clock.instant();
	}

	/** The relative time as it reads now, escaped for HTML text. */
	String agoEscaped(Instant instant, Locale locale) {
		return HtmlUtils.htmlEscape(this.relativeTime.ago(instant, locale, this.clock.instant()), "UTF-8");
	}

	/**
	 * The body in parts around its relative times; a body that is not UTF-8 HTML stays whole. Rendering
	 * started at {@code from}: a text read at either end of the rendering is a relative time.
	 */
	Split split(byte[] body, boolean utf8Html, Locale locale, Instant from) {
		if (!utf8Html) {
			return Split.whole(body);
		}
		String page = new String(body, StandardCharsets.UTF_8);
		Instant to = this.clock.instant();
		List<byte[]> parts = new ArrayList<>();
		List<Instant> times = new ArrayList<>();
		int kept = 0;
		for (int open = page.indexOf(OPEN); open >= 0; open = page.indexOf(OPEN, open + OPEN.length())) {
			int tagEnd = page.indexOf('>', open);
			if (tagEnd < 0) {
				break;
			}
			int textEnd = page.indexOf(CLOSE, tagEnd);
			Instant instant = datetime(page.substring(open, tagEnd));
			if (textEnd < 0 || instant == null) {
				continue;
			}
			String text = HtmlUtils.htmlUnescape(page.substring(tagEnd + 1, textEnd));
			if (text.equals(this.relativeTime.ago(instant, locale, from))
					|| text.equals(this.relativeTime.ago(instant, locale, to))) {
				parts.add(page.substring(kept, tagEnd + 1).getBytes(StandardCharsets.UTF_8));
				times.add(instant);
				kept = textEnd;
			}
		}
		if (times.isEmpty()) {
			return Split.whole(body);
		}
		parts.add(page.substring(kept).getBytes(StandardCharsets.UTF_8));
		return new Split(List.copyOf(parts), List.copyOf(times));
	}

	private static @Nullable Instant datetime(String tag) {
		int start = tag.indexOf(DATETIME);
		if (start < 0) {
			return null;
		}
		start += DATETIME.length();
		int end = tag.indexOf('"', start);
		if (end < 0) {
			return null;
		}
		try {
			return Instant.parse(tag.substring(start, end));
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	/** A body's parts, with one relative time between each two. */
	record Split(List<byte[]> parts, List<Instant> times) {

		static Split whole(byte[] body) {
			return new Split(List.of(body), List.of());
		}

	}

}
