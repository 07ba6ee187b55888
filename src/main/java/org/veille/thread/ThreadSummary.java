package org.veille.thread;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A message as a card shows it: a thread's first message in a list of threads, or a reply on its
 * thread's page. Rendered, with its author, tags and link cards.
 *
 * @param threadId the thread's first message: {@code id} itself unless this is a reply
 * @param html the message rendered by the markup renderer, safe to insert as is
 * @param tags for a first message, the tags of the whole thread (its own first, then those only
 * replies carry); for a reply, its own
 * @param chips those of {@code tags} that the rendered text does not link to, shown apart under it
 * @param replyCount how many live replies the thread has (0 for a reply)
 * @param starCount how many people starred the thread (0 for a reply)
 * @param starredBy in a person's list, the login of that person when the entry is their star
 * @param listedAt when the entry entered the list it is shown in (its start, the star, the activity)
 */
public record ThreadSummary(long id, long threadId, UUID uuid, String title, String html, String authorLogin,
		@Nullable String authorName, Instant publishedAt, Instant updatedAt, List<TagChip> tags, List<TagChip> chips,
		List<LinkCard> links, int replyCount, int starCount, @Nullable String starredBy, Instant listedAt) {

	/** The chips under the text: the tags it does not show. */
	public ChipRow chipRow() {
		return ChipRow.of(this.chips);
	}

	/** Every tag of the thread as chips, for a card that does not show the text (a search result). */
	public ChipRow tagRow() {
		return ChipRow.of(this.tags);
	}

	public boolean isReply() {
		return this.id != this.threadId;
	}

	/** The message's own address: a reply's is its thread's page at its anchor. */
	public String path() {
		return isReply() ? threadPath() + "#" + anchor() : threadPath();
	}

	public String threadPath() {
		return "/messages/" + this.threadId;
	}

	public String anchor() {
		return "m" + this.id;
	}

	public String authorPath() {
		return "/people/" + this.authorLogin;
	}

	public String authorShownName() {
		return (this.authorName != null && !this.authorName.isBlank()) ? this.authorName : this.authorLogin;
	}

	/** When a reader last saw something new in this entry: its last edit, or a later star. */
	public Instant entryUpdatedAt() {
		return (this.starredBy != null && this.listedAt.isAfter(this.updatedAt)) ? this.listedAt : this.updatedAt;
	}

}
