package org.veille.markup;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a message's text says, found in one pass over it.
 *
 * @param text the text as stored: line endings turned into {@code \n}, Unicode in NFC
 * @param title the first line with visible content, see {@link MarkupParser}; empty only for a
 * blank text
 * @param tags the hashtags as typed, in order of first appearance, each one filing the message under
 * at least one key that those before it did not (see {@link #filedTags()})
 * @param urls the http and https URLs, cleaned of tracking parameters, distinct, in order
 * @param mentions the logins mentioned (without {@code @}), distinct, in order, whether or not
 * they exist
 * @param remoteMentions the people of other servers mentioned, {@code user@host} as typed (without the first
 * {@code @}), distinct, in order, whether or not they exist
 */
public record ParsedMessage(String text, String title, List<Hashtag> tags, List<String> urls, List<String> mentions,
		List<String> remoteMentions) {

	public ParsedMessage {
		tags = List.copyOf(tags);
		urls = List.copyOf(urls);
		mentions = List.copyOf(mentions);
		remoteMentions = List.copyOf(remoteMentions);
	}

	/**
	 * The tags the message is filed under, distinct by key, in order of first appearance: each
	 * plain hashtag, and each variant of a multilingual one as a tag of its own. The message is
	 * listed on the page of each.
	 */
	public List<Hashtag> filedTags() {
		Map<String, Hashtag> filed = new LinkedHashMap<>();
		for (Hashtag tag : this.tags) {
			for (Hashtag variant : tag.filedUnder()) {
				filed.putIfAbsent(variant.key(), variant);
			}
		}
		return List.copyOf(filed.values());
	}

}
