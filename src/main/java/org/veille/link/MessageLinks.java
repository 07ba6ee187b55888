package org.veille.link;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores the URLs a message cites, inside the transaction that stores the message: a URL is stored once however
 * many messages cite it and however it is spelled, and a URL never fetched gets a fetch job in the same
 * transaction. Posting never waits for the fetch: the workers pick the job up after the commit.
 */
@Component
public class MessageLinks {

	private final LinkIndex index;

	private final ApplicationEventPublisher events;

	MessageLinks(JdbcClient jdbc, ApplicationEventPublisher events,
			@Value("${veille.fetch.host-spacing:1s}") Duration hostSpacing) {
		this.index = new LinkIndex(jdbc, hostSpacing);
		this.events = events;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void attach(long messageId, long threadId, Instant threadPublishedAt, List<String> urls) {
		attach(messageId, threadId, threadPublishedAt, urls, true);
	}

	/**
	 * The same; with {@code enrich} false, no fetch is queued for links never fetched (an import
	 * whose owner skips enrichment): their cards show the bare address.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void attach(long messageId, long threadId, Instant threadPublishedAt, List<String> urls, boolean enrich) {
		if (this.index.attach(messageId, threadId, threadPublishedAt, urls, enrich)) {
			this.events.publishEvent(new FetchesQueued());
		}
	}

	/** A new message citing these URLs, in the thread published at this time. */
	public record Citing(long messageId, long threadId, Instant threadPublishedAt, List<String> urls) {
	}

	/**
	 * The same for many new messages in a few statements whatever their number (an import's batch),
	 * with the same result as attaching them one after the other.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void attachAll(List<Citing> messages, boolean enrich) {
		if (this.index.attachAll(messages.stream()
			.map((m) -> new LinkIndex.Citing(m.messageId(), m.threadId(), m.threadPublishedAt(), m.urls()))
			.toList(), enrich)) {
			this.events.publishEvent(new FetchesQueued());
		}
	}

	/**
	 * Forgets the URLs of a message whose text changed or went away (the links stay for other
	 * messages), then lists the thread again under the sites its live messages still cite.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void detach(long messageId, long threadId) {
		this.index.detach(messageId, threadId);
	}

}
