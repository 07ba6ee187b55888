package org.veille.thread;

import java.net.IDN;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.Locale;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A cited URL as a message card shows it: what the fetcher found (all of it text from a stranger's server, to
 * escape on output), or that it is still waiting, or why it failed.
 *
 * @param url the URL as first cited
 * @param host the site's host, lower-case ASCII without {@code www.}; empty for an address that is not valid
 * @param finalUrl where the URL led after redirects, once fetched
 * @param status {@code pending}, {@code fetched} or {@code failed}
 * @param failureReason a {@code FailureReason} name, for the last failed attempt
 * @param goneSince when Veille judged the page gone (docs/architecture.md, "Links that died")
 * @param nextAttempt when the fetch queue tries the link again, if it is queued
 * @param topics the topics the page declares that the thread does not carry: the page's, not the thread's tags
 */
public record LinkCard(long id, String url, String host, @Nullable String finalUrl, @Nullable String title,
		@Nullable String description, @Nullable String siteName, @Nullable Long thumbnailId, String status,
		@Nullable String failureReason, @Nullable String failureDetail, @Nullable String thumbnailFailure,
		@Nullable Instant goneSince, @Nullable Instant nextAttempt, List<TagChip> topics) {

	/** Where a reader looks for an archived copy of a page that seems gone: a search, never fetched by Veille. */
	private static final String ARCHIVE_SEARCH = "https://web.archive.org/web/*/";

	/** The same card without the topics that are tags of the thread already. */
	LinkCard withoutTopics(List<TagChip> tags) {
		if (this.topics.isEmpty() || tags.isEmpty()) {
			return this;
		}
		Set<String> keys = tags.stream().map(TagChip::key).collect(Collectors.toSet());
		List<TagChip> left = this.topics.stream().filter((topic) -> !keys.contains(topic.key())).toList();
		return new LinkCard(this.id, this.url, this.host, this.finalUrl, this.title, this.description, this.siteName,
				this.thumbnailId, this.status, this.failureReason, this.failureDetail, this.thumbnailFailure,
				this.goneSince, this.nextAttempt, left);
	}

	/** Where the card links: the page the URL led to once known, so shortened links show their destination. */
	public String href() {
		return (this.finalUrl != null) ? this.finalUrl : this.url;
	}

	/** The fetched title, else the URL. */
	public String heading() {
		return (this.title != null) ? this.title : this.url;
	}

	public boolean hasTitle() {
		return this.title != null;
	}

	/** The host of {@link #href()} as people read it (an IDN in its own script). */
	public String shownHost() {
		String shown = this.host;
		try {
			String destination = URI.create(href()).getHost();
			if (destination != null) {
				shown = destination.toLowerCase(Locale.ROOT);
			}
			shown = IDN.toUnicode(shown.startsWith("www.") ? shown.substring(4) : shown, IDN.ALLOW_UNASSIGNED);
		}
		catch (IllegalArgumentException ex) {
			// As stored, then.
		}
		return shown;
	}

	public @Nullable String thumbnailPath() {
		return (this.thumbnailId != null) ? "/thumbnails/" + this.thumbnailId : null;
	}

	public @Nullable String sitePath() {
		return this.host.isEmpty() ? null : "/sites/" + this.host;
	}

	public boolean isPending() {
		return "pending".equals(this.status);
	}

	public boolean isFailed() {
		return "failed".equals(this.status);
	}

	/** Not fetched yet and an attempt failed: the queue tries again at {@link #nextAttempt}. */
	public boolean isRetrying() {
		return isPending() && this.failureReason != null;
	}

	/** The page seems gone: failed for good, see {@link #goneSince}. */
	public boolean isGone() {
		return this.goneSince != null;
	}

	/** The archive's search for copies of the URL as cited. */
	public String archiveSearchUrl() {
		return ARCHIVE_SEARCH + this.url;
	}

	/** The message key explaining the last failure, if any. */
	public @Nullable String failureKey() {
		return (this.failureReason != null) ? "link.failure." + this.failureReason : null;
	}

	/*
	 * Written out, as Cards.CardKey's: cards are looked up by their data at each first render, and the generic
	 * record methods, a chain of method handles over fifteen components, showed in the profiles (issue 16).
	 */
	@Override
	public boolean equals(@Nullable Object other) {
		return this == other || (other instanceof LinkCard card && this.id == card.id && this.url.equals(card.url)
				&& this.host.equals(card.host) && this.status.equals(card.status)
				&& Objects.equals(this.finalUrl, card.finalUrl) && Objects.equals(this.title, card.title)
				&& Objects.equals(this.description, card.description) && Objects.equals(this.siteName, card.siteName)
				&& Objects.equals(this.thumbnailId, card.thumbnailId)
				&& Objects.equals(this.failureReason, card.failureReason)
				&& Objects.equals(this.failureDetail, card.failureDetail)
				&& Objects.equals(this.thumbnailFailure, card.thumbnailFailure)
				&& Objects.equals(this.goneSince, card.goneSince) && Objects.equals(this.nextAttempt, card.nextAttempt)
				&& this.topics.equals(card.topics));
	}

	@Override
	public int hashCode() {
		int hash = Long.hashCode(this.id);
		hash = 31 * hash + this.url.hashCode();
		hash = 31 * hash + Objects.hashCode(this.title);
		hash = 31 * hash + Objects.hashCode(this.description);
		hash = 31 * hash + this.status.hashCode();
		hash = 31 * hash + Objects.hashCode(this.nextAttempt);
		return hash;
	}

}
