package org.veille.transfer.format;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.modulith.NamedInterface;

import org.veille.text.XmlChars;

/**
 * One entry of an import file, ready to become a message of the person importing it. Blog feeds (package
 * {@code blogfeed}) make their messages with it too, hence a named interface of this otherwise inner package.
 *
 * @param url the http or https address, with blanks and the characters that would end a link in a message
 * percent-encoded; null only for a Seenthis message that cites no link, or a note
 * @param title the title on one line, possibly empty
 * @param description the description or note, its lines kept; null when there is none
 * @param tags the tags as the source spells them, in order; only those that can be written as a hashtag, the first
 * of each hashtag key kept (so {@code Web design} and {@code web_design} are one)
 * @param addedAt when it was bookmarked or posted; null when the source does not say
 * @param isPrivate whether the source marks it private (Veille has no private messages: the import decides)
 * @param sourceId the entry's identifier in the source (a Pinboard hash, a Seenthis message id), to recognise it on a
 * second import; null when the source has none
 * @param text for a message from a Seenthis export, its text as written, which is already Veille markup (with the
 * tags listed in the export but missing from the text added at the end); for a note, the message made of it; null for
 * bookmarks
 */
@NamedInterface("bookmark")
public record Bookmark(@Nullable String url, String title, @Nullable String description, List<String> tags,
		@Nullable Instant addedAt, boolean isPrivate, @Nullable String sourceId, @Nullable String text) {

	/** Every field without the characters XML 1.0 forbids, which no input stores (DESIGN §8). */
	public Bookmark {
		url = (url != null) ? XmlChars.strip(url) : null;
		title = XmlChars.strip(title);
		description = (description != null) ? XmlChars.strip(description) : null;
		tags = Hashtags.distinct(tags.stream().map(XmlChars::strip).toList());
		sourceId = (sourceId != null) ? XmlChars.strip(sourceId) : null;
		text = (text != null) ? XmlChars.strip(text) : null;
	}

	/** A bookmark from a bookmark file: no message text of its own. */
	public static Bookmark of(String url, String title, @Nullable String description, List<String> tags,
			@Nullable Instant addedAt, boolean isPrivate, @Nullable String sourceId) {
		return new Bookmark(url, title, description, tags, addedAt, isPrivate, sourceId, null);
	}

	/**
	 * A note: a bookmark without a link of its own, whose description is the person's text (Shaarli's notes, whose
	 * address is relative to the Shaarli instance). It becomes a message of its title, its text and its hashtags.
	 * @param sourceId the note's address in its Shaarli, which names it there
	 */
	public static Bookmark note(String title, @Nullable String text, List<String> tags, @Nullable Instant addedAt,
			boolean isPrivate, String sourceId) {
		Bookmark clean = new Bookmark(null, title, text, tags, addedAt, isPrivate, sourceId, null);
		return new Bookmark(null, clean.title(), clean.description(), clean.tags(), addedAt, isPrivate,
				clean.sourceId(), MessageTexts.composeNote(clean.title(), clean.description(), clean.hashtags()));
	}

	/**
	 * The tags as Veille hashtag bodies (without {@code #}), in the order of {@link #tags()}: {@code web design}
	 * gives {@code web_design}.
	 */
	public List<String> hashtags() {
		return Hashtags.bodiesOf(this.tags);
	}

	/**
	 * The text of the message this bookmark becomes: {@link #text()} when the source is a Seenthis message, else the
	 * title line, the URL, the description as a ❝ ❞ quote and the hashtags (see {@link MessageTexts}). Read with
	 * {@link org.veille.markup.MarkupParser}, it gives exactly {@link #hashtags()} as tags, and, unless it is a
	 * Seenthis message's own text, no mention.
	 */
	public String messageText() {
		if (this.text != null) {
			return this.text;
		}
		return MessageTexts.compose(this.url, this.title, this.description, hashtags());
	}

}
