package org.veille.pagecache;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.springframework.web.util.UriUtils;

/**
 * What a kept page is about, read from its address: the stream, the thread or the person it lists. Tag and
 * site pages are told by their controllers, which alone know the key a spelling reaches ({@link PageKeys#tagPage},
 * {@link PageKeys#site}); a page whose subject is not known is not kept.
 */
final class PageSubjects {

	private static final String PEOPLE = "/people/";

	private static final String MESSAGES = "/messages/";

	private PageSubjects() {
	}

	static PageKeys of(String path) {
		PageKeys keys = new PageKeys();
		if (path.equals("/")) {
			// The latest threads for a signed-out reader, a home stream's reasons for a signed-in one: told by
			// HomeController and ThreadQueries.
			return keys.subject("h");
		}
		if (path.equals("/all") || path.equals("/all/feed")) {
			return keys.subject("all");
		}
		if (path.equals("/tags")) {
			return keys.subject("tags");
		}
		if (path.startsWith("/search")) {
			return keys.subject("q");
		}
		if (path.startsWith(MESSAGES)) {
			String id = segment(path, MESSAGES.length());
			return keys.subject("m:" + id).subject("t:" + id);
		}
		if (path.startsWith(PEOPLE)) {
			try {
				String login = UriUtils.decode(segment(path, PEOPLE.length()), StandardCharsets.UTF_8);
				return keys.subject("p:" + login.toLowerCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				return keys;
			}
		}
		return keys;
	}

	private static String segment(String path, int start) {
		int end = path.indexOf('/', start);
		return path.substring(start, (end < 0) ? path.length() : end);
	}

}
