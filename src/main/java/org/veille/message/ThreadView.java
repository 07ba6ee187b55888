package org.veille.message;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.veille.account.PersonChip;
import org.veille.thread.ThreadSummary;

/**
 * A thread's page: its first message, its replies oldest first, who starred it, and what the
 * reader may do there.
 *
 * @param readerLogin the signed-in reader, or null
 * @param starred whether the reader starred the thread
 * @param replyRefused whether the thread's author blocks the reader, who then cannot reply
 */
public record ThreadView(ThreadSummary thread, List<ThreadSummary> replies, List<PersonChip> starrers,
		@Nullable String readerLogin, boolean starred, boolean replyRefused) {

	/** The first message alone, for the fragment that shows a list of messages. */
	public List<ThreadSummary> threadAlone() {
		return List.of(this.thread);
	}

	public String feedPath() {
		return this.thread.threadPath() + "/feed";
	}

	public boolean isSignedIn() {
		return this.readerLogin != null;
	}

	public boolean canEdit(ThreadSummary message) {
		return message.authorLogin().equals(this.readerLogin);
	}

	/** The author deletes their message; the thread's author deletes any reply. */
	public boolean canDelete(ThreadSummary message) {
		return canEdit(message) || (message.isReply() && this.thread.authorLogin().equals(this.readerLogin));
	}

	/** Signed-in people may report the messages of others to the administrators. */
	public boolean canReport(ThreadSummary message) {
		return isSignedIn() && !canEdit(message);
	}

	/** People may star the threads of others. */
	public boolean canStar() {
		return isSignedIn() && !canEdit(this.thread);
	}

	/** Not every starrer is named when there are many; the count is the thread's counter. */
	public int unnamedStarrers() {
		return Math.max(0, this.thread.starCount() - this.starrers.size());
	}

}
