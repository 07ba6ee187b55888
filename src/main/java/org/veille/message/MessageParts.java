package org.veille.message;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import org.veille.thread.LinkCard;
import org.veille.thread.TagChip;
import org.veille.thread.ThreadSummary;
import org.veille.web.Fragments;
import org.veille.web.HeapShare;
import org.veille.web.RelativeTime;
import org.veille.web.RenderedParts;

/**
 * What a thread page shows of a message the same for every reader, its meta line, text, chips and link cards,
 * rendered once per version of these, language and text of its relative time, and shared by every reader (issue
 * 16: the 51 messages of a thread were rendered by the template at every view). What depends on the reader (edit,
 * delete, report) stays in the template. Templates call it as {@code ${@messageParts.part(message, readerLogin)}},
 * as thread.Cards does for cards.
 */
@Component("messageParts")
public class MessageParts {

	/** The fragments of fragments/thread.html rendered here: the parts alone, and the whole article around them. */
	private static final String PARTS = "message-parts";

	private static final String ARTICLE = "message-article";

	/** A sixty-fourth of the heap (8 MB of 512) of HTML, two bytes a character at worst: some thousands of messages. */
	private static final long MAX_WEIGHT = HeapShare.of(64);

	private final RenderedParts<PartKey> parts = new RenderedParts<>(MAX_WEIGHT, (key) -> 256);

	private final Fragments fragments;

	private final RelativeTime relativeTime;

	MessageParts(Fragments fragments, RelativeTime relativeTime) {
		this.fragments = fragments;
		this.relativeTime = relativeTime;
	}

	/** The message's parts, as HTML ready to insert into its {@code <article>}. */
	public String part(ThreadSummary message, @Nullable String readerLogin) {
		Locale locale = LocaleContextHolder.getLocale();
		// Its poster alone sees why a link's fetch failed: the only part of a message that depends on the reader.
		boolean poster = !message.links().isEmpty() && message.authorLogin().equals(readerLogin);
		// ...and when a failed fetch is tried again ("in 3 minutes"): a text that ages, rendered each time.
		if (poster && message.links().stream().anyMatch(LinkCard::isRetrying)) {
			return render(PARTS, message, poster, locale);
		}
		return this.parts.get(key(message, locale, poster, false), (key) -> render(PARTS, message, poster, locale));
	}

	/**
	 * These messages as whole articles, for a reader who may do nothing with them (signed out): one bean expression
	 * for the page instead of a fragment and half a dozen expressions a message. Each is written to the page as it
	 * is, not joined first (as thread.Cards does for a list's cards).
	 */
	public List<String> articles(List<ThreadSummary> messages) {
		Locale locale = LocaleContextHolder.getLocale();
		List<String> articles = new ArrayList<>(messages.size());
		for (ThreadSummary message : messages) {
			articles.add(this.parts.get(key(message, locale, false, true),
					(key) -> render(ARTICLE, message, false, locale)));
		}
		return articles;
	}

	long hits() {
		return this.parts.hits();
	}

	long misses() {
		return this.parts.misses();
	}

	private PartKey key(ThreadSummary message, Locale locale, boolean poster, boolean whole) {
		return new PartKey(message.id(), message.html(), message.authorName(), message.publishedAt(),
				this.relativeTime.ago(message.publishedAt()), message.chips(), message.links(), locale.getLanguage(),
				poster, whole);
	}

	private String render(String fragment, ThreadSummary message, boolean poster, Locale locale) {
		Map<String, @Nullable Object> variables = new HashMap<>();
		variables.put("message", message);
		variables.put("readerLogin", poster ? message.authorLogin() : null);
		return this.fragments.render("fragments/thread", fragment, variables, locale);
	}

	/**
	 * What the parts show, cheap to hash and compare: the id stands for what never changes (author, thread, date);
	 * the text is the very HTML string thread.RenderedBodies keeps for its version (its hash computed once, its
	 * comparison an identity check), and it changes with an edit, a mention of someone who signed up since, or
	 * links followed once the author's account is old enough; the author's name, the chips (a tag's spelling) and
	 * the link cards (a fetched title) are short, and empty on most replies. {@code whole}: the article around
	 * the parts. The hash leaves out the fields read afresh from the database at each view (name, chips, links:
	 * their strings' hashes would be computed again each time), and the comparison looks at the fields that tell
	 * two messages apart first; a record's own equals and hashCode took 7 % of a page's samples.
	 */
	record PartKey(long id, String html, @Nullable String authorName, Instant publishedAt, String ago,
			List<TagChip> chips, List<LinkCard> links, String language, boolean poster, boolean whole) {

		@Override
		public int hashCode() {
			int hash = Long.hashCode(this.id);
			hash = 31 * hash + this.html.hashCode();
			hash = 31 * hash + this.ago.hashCode();
			hash = 31 * hash + this.language.hashCode();
			return 4 * hash + (this.poster ? 2 : 0) + (this.whole ? 1 : 0);
		}

		@Override
		public boolean equals(@Nullable Object other) {
			return other instanceof PartKey key && this.id == key.id && this.poster == key.poster
					&& this.whole == key.whole && this.html.equals(key.html) && this.ago.equals(key.ago)
					&& this.language.equals(key.language) && this.publishedAt.equals(key.publishedAt)
					&& Objects.equals(this.authorName, key.authorName) && this.chips.equals(key.chips)
					&& this.links.equals(key.links);
		}

	}

}
