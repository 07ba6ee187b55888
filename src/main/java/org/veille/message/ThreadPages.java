package org.veille.message;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.veille.account.CurrentAccount;
import org.veille.follow.Relations;
import org.veille.star.StarQueries;
import org.veille.thread.ThreadQueries;
import org.veille.thread.ThreadSummary;
import org.veille.web.NotFoundException;

/**
 * Reads a thread's page: the messages (in the same few queries however many replies), the starrers,
 * and what the reader may do.
 */
@Service
@Transactional(readOnly = true)
class ThreadPages {

	/** What {@code /messages/{id}} shows: a thread, or the address of the thread that holds a reply. */
	sealed interface Shown permits Page, MovedReply {
	}

	record Page(ThreadView view) implements Shown {
	}

	record MovedReply(String path) implements Shown {
	}

	private final ThreadQueries threads;

	private final StarQueries stars;

	private final Relations relations;

	ThreadPages(ThreadQueries threads, StarQueries stars, Relations relations) {
		this.threads = threads;
		this.stars = stars;
		this.relations = relations;
	}

	Shown show(long id, @Nullable CurrentAccount reader) {
		List<ThreadSummary> conversation = this.threads.conversation(id);
		if (conversation.isEmpty()) {
			return new MovedReply("/messages/" + threadOfReply(id) + "#m" + id);
		}
		return new Page(view(conversation, reader));
	}

	/** The page of the live thread holding this message, for a form sent back with an error. */
	ThreadView view(long id, @Nullable CurrentAccount reader) {
		List<ThreadSummary> conversation = this.threads.conversation(id);
		if (conversation.isEmpty()) {
			conversation = this.threads.conversation(threadOfReply(id));
		}
		return view(conversation, reader);
	}

	private long threadOfReply(long id) {
		return this.threads.threadOfReply(id).orElseThrow(() -> NotFoundException.message(id));
	}

	private ThreadView view(List<ThreadSummary> conversation, @Nullable CurrentAccount reader) {
		ThreadSummary thread = conversation.get(0);
		List<ThreadSummary> replies = conversation.subList(1, conversation.size());
		boolean starred = false;
		boolean replyRefused = false;
		if (reader != null) {
			starred = this.stars.hasStarred(reader.id(), thread.id());
			replyRefused = this.relations.blockedBy(reader.id(), thread.authorLogin());
		}
		return new ThreadView(thread, List.copyOf(replies), this.stars.starrers(thread.id()),
				(reader != null) ? reader.login() : null, starred, replyRefused);
	}

}
