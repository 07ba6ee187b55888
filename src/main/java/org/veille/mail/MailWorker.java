package org.veille.mail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.veille.database.DatabaseUnavailable;

/**
 * Does one batch of the outbox: claims it, composes each e-mail (now, from the data as it now is),
 * delivers them together, and records each outcome. A failure is retried after a doubling delay, and
 * given up, with its reason, after {@code veille.mail.max-attempts}. Thread-safe: a pool runs one per
 * thread; tests call {@link #runOnce()} directly.
 */
class MailWorker {

	private static final Logger logger = LoggerFactory.getLogger(MailWorker.class);

	private static final Duration LONGEST_RETRY_DELAY = Duration.ofHours(6);

	private final Outbox outbox;

	private final Composers composers;

	private final Delivery delivery;

	private final OutboxProperties properties;

	MailWorker(Outbox outbox, Composers composers, Delivery delivery, OutboxProperties properties) {
		this.outbox = outbox;
		this.composers = composers;
		this.delivery = delivery;
		this.properties = properties;
	}

	/** Claims and sends one batch; false when nothing was due. */
	boolean runOnce() {
		List<Envelope> batch = this.outbox.claim(this.properties.batchSize(), this.properties.lease());
		try {
			this.composers.prepare(batch);
		}
		catch (RuntimeException ex) {
			if (DatabaseUnavailable.causedBy(ex)) {
				throw ex;
			}
			// Each e-mail is then readied on its own, when composed.
			logger.warn("Could not ready a batch of {} e-mails at once", batch.size(), ex);
		}
		List<Envelope> ready = new ArrayList<>();
		List<Letter> letters = new ArrayList<>();
		for (Envelope envelope : batch) {
			if (envelope.attempt() > this.properties.maxAttempts()) {
				// Earlier workers claimed it and never finished.
				this.outbox.givenUp(envelope, "abandoned unfinished " + (envelope.attempt() - 1) + " times");
				continue;
			}
			Optional<Letter> letter;
			try {
				letter = this.composers.compose(envelope);
			}
			catch (RuntimeException ex) {
				if (DatabaseUnavailable.causedBy(ex)) {
					// The e-mails of this batch are claimed again after their lease.
					throw ex;
				}
				logger.warn("Could not write e-mail {} ({})", envelope.id(), envelope.kind(), ex);
				failed(envelope, "could not be written: " + ex.getMessage());
				continue;
			}
			if (letter.isEmpty()) {
				this.outbox.dropped(envelope, "nothing to send any more");
				continue;
			}
			ready.add(envelope);
			letters.add(letter.get());
		}
		if (!letters.isEmpty()) {
			Map<Integer, String> failures = this.delivery.deliver(letters);
			List<Outbox.Sent> sent = new ArrayList<>();
			for (int i = 0; i < ready.size(); i++) {
				String failure = failures.get(i);
				if (failure == null) {
					sent.add(new Outbox.Sent(ready.get(i), this.delivery.keptCopy(letters.get(i))));
				}
				else {
					failed(ready.get(i), failure);
				}
			}
			this.outbox.sent(sent);
		}
		return !batch.isEmpty();
	}

	private void failed(Envelope envelope, String failure) {
		if (envelope.attempt() >= this.properties.maxAttempts()) {
			logger.info("Gave up e-mail {} after {} attempts: {}", envelope.id(), envelope.attempt(), failure);
			this.outbox.givenUp(envelope, failure);
		}
		else {
			logger.debug("E-mail {} failed (attempt {}): {}", envelope.id(), envelope.attempt(), failure);
			this.outbox.retry(envelope, failure, retryDelay(envelope.attempt()));
		}
	}

	/** The doubling delay before attempt {@code attempt + 1}. */
	Duration retryDelay(int attempt) {
		Duration delay = this.properties.retryDelay().multipliedBy(1L << Math.min(attempt - 1, 20));
		return (delay.compareTo(LONGEST_RETRY_DELAY) > 0) ? LONGEST_RETRY_DELAY : delay;
	}

}
