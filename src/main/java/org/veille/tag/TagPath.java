package org.veille.tag;

import org.veille.markup.TagKeys;

/**
 * What follows {@code /tag/} in a URL (DESIGN §4): a tag as someone spelled it, an optional {@code $}
 * (this tag only) or {@code *} (every tag starting so), and an optional {@code /feed}.
 */
record TagPath(String spelled, Scope scope, boolean feed) {

	private static final String FEED_SUFFIX = "/feed";

	enum Scope {

		/** The tag and its children: {@code /tag/2026} lists {@code #2026/11} too. */
		TREE(""),
		/** This tag only: {@code /tag/2026$}. */
		EXACT("$"),
		/** Every tag whose key starts with these letters: {@code /tag/amaz*}. */
		PREFIX("*");

		private final String suffix;

		Scope(String suffix) {
			this.suffix = suffix;
		}

	}

	/** Reads the path captured after {@code /tag}, already percent-decoded. */
	static TagPath parse(String path) {
		String rest = strip(path);
		boolean feed = rest.endsWith(FEED_SUFFIX) && rest.length() > FEED_SUFFIX.length();
		if (feed) {
			rest = strip(rest.substring(0, rest.length() - FEED_SUFFIX.length()));
		}
		Scope scope = Scope.TREE;
		if (rest.endsWith("$")) {
			scope = Scope.EXACT;
		}
		else if (rest.endsWith("*")) {
			scope = Scope.PREFIX;
		}
		if (scope != Scope.TREE) {
			rest = rest.substring(0, rest.length() - 1);
		}
		return new TagPath(rest, scope, feed);
	}

	private static String strip(String path) {
		int start = 0;
		int end = path.length();
		while (start < end && path.charAt(start) == '/') {
			start++;
		}
		while (end > start && path.charAt(end - 1) == '/') {
			end--;
		}
		return path.substring(start, end);
	}

	String key() {
		return TagKeys.fold(this.spelled);
	}

	boolean isCanonical() {
		return this.spelled.equals(key());
	}

	/** The path of the tag page, without {@code /feed}. */
	String pagePath() {
		return "/tag/" + TagKeys.pathOf(key()) + this.scope.suffix;
	}

	String feedPath() {
		return pagePath() + FEED_SUFFIX;
	}

	String canonicalPath() {
		return this.feed ? feedPath() : pagePath();
	}

}
