package org.veille.thread;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import org.veille.web.Fragments;
import org.veille.web.HeapShare;
import org.veille.web.RelativeTime;
import org.veille.web.RenderedParts;

/**
 * A thread's card, the same for every reader, rendered once per version of the thread, language and text of its
 * relative time ("3 minutes ago"), and shared by every page and reader showing it (issue 16). Templates call it
 * as {@code ${@cards.card(thread, readerLogin)}}; what depends on the reader stays outside (the buttons of thread
 * pages). The only reader-dependent part inside, what a link's poster alone sees, is keyed apart. The version is
 * the card's data itself: a reply, a star, an edit, a fetched title or a renamed tag give another key
 * ({@link CardKey}).
 */
@Component("cards")
public class Cards {

	/** The fragment of fragments/thread.html rendered here. */
	private static final String CARD = "card-whole";

	/**
	 * A sixteenth of the heap (32 MB of 512) of HTML, two bytes a character at worst (one for most texts): five to
	 * ten thousand cards.
	 */
	private static final long MAX_WEIGHT = HeapShare.of(16);

	private final RenderedParts<CardKey> parts = new RenderedParts<>(MAX_WEIGHT, (key) -> 512 + key.html().length() * 2);

	private final Fragments fragments;

	private final RelativeTime relativeTime;

	Cards(Fragments fragments, RelativeTime relativeTime) {
		this.fragments = fragments;
		this.relativeTime = relativeTime;
	}

	/**
	 * The whole card, its meta line included, as HTML ready to insert: one expression a card for the page instead
	 * of a dozen and a fragment. The meta line's relative time is part of the key, as the text it shows ("3
	 * minutes ago"), so a card is rendered again when that text changes, not at every view.
	 */
	public String card(ThreadSummary thread, @Nullable String readerLogin) {
		Locale locale = LocaleContextHolder.getLocale();
		boolean poster = readerLogin != null && readerLogin.equals(thread.authorLogin());
		// Its poster sees when a failed fetch is tried again ("in 3 minutes"): a text that ages, rendered each time.
		if (poster && thread.links().stream().anyMatch(LinkCard::isRetrying)) {
			return render(thread, readerLogin, locale);
		}
		Meta meta = new Meta(thread.authorLogin(), thread.authorName(), thread.starredBy(), thread.publishedAt(),
				this.relativeTime.ago(thread.publishedAt()));
		return this.parts.get(CardKey.of(thread, locale.getLanguage(), poster, meta),
				(key) -> render(thread, readerLogin, locale));
	}

	/**
	 * The cards of a list of threads: one bean expression for the whole list. Each is written to the page as it is
	 * (concatenated here, they were copied twice more, a tag page's text being two bytes a character).
	 */
	public List<String> cards(List<ThreadSummary> threads, @Nullable String readerLogin) {
		List<String> cards = new ArrayList<>(threads.size());
		for (ThreadSummary thread : threads) {
			cards.add(card(thread, readerLogin));
		}
		return cards;
	}

	long hits() {
		return this.parts.hits();
	}

	long misses() {
		return this.parts.misses();
	}

	private String render(ThreadSummary thread, @Nullable String readerLogin, Locale locale) {
		Map<String, @Nullable Object> variables = new HashMap<>();
		variables.put("thread", thread);
		variables.put("readerLogin", readerLogin);
		return this.fragments.render("fragments/thread", CARD, variables, locale);
	}

	/**
	 * What the parts show of a card (not its meta line: when, by whom, in which list), the reader's language,
	 * and whether the reader posted it: the same card on a tag page, a person's page and {@code /all} is one.
	 */
	record CardKey(long id, long threadId, String html, List<TagChip> chips, List<LinkCard> links, int replyCount,
			int starCount, String language, boolean poster, Meta meta) {

		static CardKey of(ThreadSummary thread, String language, boolean poster, Meta meta) {
			return new CardKey(thread.id(), thread.threadId(), thread.html(), thread.chips(), thread.links(),
					thread.replyCount(), thread.starCount(), language, poster, meta);
		}

		/*
		 * Written out, numbers first: each first render looks up every card by these, and the generic record
		 * methods (method handles over ten components, then over each link's fifteen) were a tenth of a tag
		 * page's CPU (issue 16). The text is the one the rendered-bodies cache keeps: usually the same string.
		 */
		@Override
		public boolean equals(@Nullable Object other) {
			return this == other || (other instanceof CardKey key && this.id == key.id && this.threadId == key.threadId
					&& this.replyCount == key.replyCount && this.starCount == key.starCount && this.poster == key.poster
					&& this.language.equals(key.language) && this.html.equals(key.html) && this.meta.equals(key.meta)
					&& this.chips.equals(key.chips) && this.links.equals(key.links));
		}

		@Override
		public int hashCode() {
			int hash = Long.hashCode(this.id);
			hash = 31 * hash + this.replyCount;
			hash = 31 * hash + this.starCount;
			hash = 31 * hash + this.html.hashCode();
			hash = 31 * hash + this.meta.ago().hashCode();
			hash = 31 * hash + this.links.hashCode();
			return hash;
		}

	}

	/** What a card's meta line shows: who, in whose list, when, and how long ago in words at rendering. */
	record Meta(String authorLogin, @Nullable String authorName, @Nullable String starredBy, Instant publishedAt,
			String ago) {
	}

}
