package org.veille.blogfeed;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import org.veille.markup.MarkupParser;
import org.veille.transfer.format.Bookmark;

/**
 * The message an entry becomes, written as a bookmark import writes one (so in one way): the title line, the link,
 * the summary as a ❝ ❞ quote with nothing in it read as markup, the categories as hashtags (made valid, those
 * that cannot be tags dropped). See {@code org.veille.transfer.MessageTexts}.
 */
final class EntryTexts {

	private EntryTexts() {
	}

	/** The text of the message, as it will be stored (normalized): what a later poll compares with. */
	static String of(FeedEntry entry) {
		String text = Bookmark.of(entry.link(), entry.title(), entry.summary(), entry.categories(), entry.published(),
				false, entry.key()).messageText();
		return MarkupParser.normalize(text);
	}

	/** What the entry is kept under: the SHA-256 of its key, whatever the key's length. */
	static byte[] keyOf(FeedEntry entry) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(entry.key().getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JDK has SHA-256", ex);
		}
	}

}
