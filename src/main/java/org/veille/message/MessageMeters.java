package org.veille.message;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Counts messages posted, {@code veille.messages.posted} with {@code kind} thread or reply, once their
 * transaction has committed (a post refused or rolled back is not counted; imports are not either).
 */
@Component
class MessageMeters {

	private final Counter threads;

	private final Counter replies;

	MessageMeters(MeterRegistry registry) {
		this.threads = posted(registry, "thread");
		this.replies = posted(registry, "reply");
	}

	void threadStarted() {
		afterCommit(this.threads);
	}

	void replied() {
		afterCommit(this.replies);
	}

	private static void afterCommit(Counter counter) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			counter.increment();
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void afterCommit() {
				counter.increment();
			}

		});
	}

	private static Counter posted(MeterRegistry registry, String kind) {
		return Counter.builder("veille.messages.posted")
			.description("Messages posted, threads and replies")
			.tag("kind", kind)
			.register(registry);
	}

}
