package org.veille.markup;

import java.util.List;

/**
 * What a message's text says, found in one pass over it.
 *
 * @param text the text as stored: line endings turned into {@code \n}, Unicode in NFC
 * @param title the first line with visible content, see {@link MarkupParser}; empty only for a
 * blank text
 * @param tags the hashtags, distinct by key, in order of first appearance
 * @param urls the http and https URLs, cleaned of tracking parameters, distinct, in order
 * @param mentions the logins mentioned (without {@code @}), distinct, in order, whether or not
 * they exist
 */
public record ParsedMessage(String text, String title, List<Hashtag> tags, List<String> urls, List<String> mentions) {

	public ParsedMessage {
		tags = List.copyOf(tags);
		urls = List.copyOf(urls);
		mentions = List.copyOf(mentions);
	}

}
