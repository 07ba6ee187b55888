package org.veille.message;

import org.veille.markup.Hashtag;
import org.veille.markup.ParsedMessage;

/**
 * The size limits of a message (DESIGN §8). Going over one is an error the poster sees; nothing is
 * ever cut silently.
 */
final class MessageLimits {

	static final int MAX_CHARACTERS = 20_000;

	static final int MAX_TAGS = 50;

	static final int MAX_TAG_CHARACTERS = 100;

	static final int MAX_URLS = 20;

	/** Longer URLs do not fit in a B-tree index entry; no real page needs one. */
	static final int MAX_URL_CHARACTERS = 2_000;

	private MessageLimits() {
	}

	static void check(ParsedMessage parsed) {
		int characters = parsed.text().codePointCount(0, parsed.text().length());
		if (parsed.text().isBlank()) {
			throw new MessageRejectedException("post.text.required");
		}
		if (characters > MAX_CHARACTERS) {
			throw new MessageRejectedException("post.text.too-long", characters, MAX_CHARACTERS);
		}
		if (parsed.tags().size() > MAX_TAGS) {
			throw new MessageRejectedException("post.tags.too-many", parsed.tags().size(), MAX_TAGS);
		}
		for (Hashtag tag : parsed.tags()) {
			if (tag.display().codePointCount(0, tag.display().length()) > MAX_TAG_CHARACTERS) {
				throw new MessageRejectedException("post.tags.too-long", shorten(tag.display()), MAX_TAG_CHARACTERS);
			}
		}
		if (parsed.urls().size() > MAX_URLS) {
			throw new MessageRejectedException("post.urls.too-many", parsed.urls().size(), MAX_URLS);
		}
		for (String url : parsed.urls()) {
			if (url.length() > MAX_URL_CHARACTERS) {
				throw new MessageRejectedException("post.urls.too-long", shorten(url), MAX_URL_CHARACTERS);
			}
		}
	}

	private static String shorten(String text) {
		return (text.length() > 40) ? text.substring(0, 40) + "…" : text;
	}

}
