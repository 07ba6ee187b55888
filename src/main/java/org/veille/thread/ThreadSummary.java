package org.veille.thread;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One thread as a list shows it: its first message, rendered, with its author, tags and link cards.
 *
 * @param html the message rendered by the markup renderer, safe to insert as is
 */
public record ThreadSummary(long id, UUID uuid, String title, String html, String authorLogin,
		@Nullable String authorName, Instant publishedAt, Instant updatedAt, List<TagChip> tags, List<LinkCard> links) {

	public String path() {
		return "/messages/" + this.id;
	}

	public String authorPath() {
		return "/people/" + this.authorLogin;
	}

	public String authorShownName() {
		return (this.authorName != null && !this.authorName.isBlank()) ? this.authorName : this.authorLogin;
	}

}
