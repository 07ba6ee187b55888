package org.veille.websub;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import org.veille.database.Timestamps;
import org.veille.websub.WebSubQueue.Job;

/**
 * Takes a (un)subscription request: queues the verification of intent once (a request repeated while one waits
 * queues nothing more), and refuses a new subscription past {@code max-subscriptions-per-callback-host} or
 * {@code max-subscriptions-per-topic}, counting the live subscriptions and those waiting for their verification.
 * A confirmed verification is counted again before it starts a subscription: a verification is off the queue while
 * its callback answers, so requests made meanwhile may have been let in. Requests and confirmations for one host,
 * then for one topic, are taken one at a time (advisory locks, always in that order), so that concurrent ones
 * cannot pass a limit together.
 */
@Component
class SubscriptionRequests {

	/** What became of a request. */
	enum Outcome {

		ACCEPTED, TOO_MANY_FOR_CALLBACK_HOST, TOO_MANY_FOR_TOPIC

	}

	private static final String HOST = "websub_callback_host(callback) = websub_callback_host(:callback)";

	private static final String TOPIC = "topic = :topic";

	private final JdbcClient jdbc;

	private final WebSubQueue queue;

	private final WebSubProperties limits;

	private final Clock clock;

	SubscriptionRequests(JdbcClient jdbc, WebSubQueue queue, WebSubProperties limits, Clock clock) {
		this.jdbc = jdbc;
		this.queue = queue;
		this.limits = limits;
		this.clock = clock;
	}

	@Transactional
	Outcome request(String mode, String topic, String callback, int leaseSeconds, @Nullable String secret) {
		lock(topic, callback);
		if ("subscribe".equals(mode)) {
			if (others(HOST, topic, callback, true) >= this.limits.maxSubscriptionsPerCallbackHost()) {
				return Outcome.TOO_MANY_FOR_CALLBACK_HOST;
			}
			if (others(TOPIC, topic, callback, true) >= this.limits.maxSubscriptionsPerTopic()) {
				return Outcome.TOO_MANY_FOR_TOPIC;
			}
		}
		if (!waiting(mode, topic, callback)) {
			this.queue.requestVerification(mode, topic, callback, leaseSeconds, secret);
		}
		return Outcome.ACCEPTED;
	}

	/** The callback confirmed: the subscription starts (or ends) unless the live ones reached a limit meanwhile. */
	@Transactional
	void confirmed(Job job) {
		String topic = Objects.requireNonNull(job.topic());
		String callback = Objects.requireNonNull(job.callback());
		lock(topic, callback);
		if ("subscribe".equals(job.mode())
				&& (others(HOST, topic, callback, false) >= this.limits.maxSubscriptionsPerCallbackHost()
						|| others(TOPIC, topic, callback, false) >= this.limits.maxSubscriptionsPerTopic())) {
			return;
		}
		this.queue.confirmed(job);
	}

	private void lock(String topic, String callback) {
		this.jdbc.sql("""
				select pg_advisory_xact_lock(hashtext('veille.websub.host'), hashtext(websub_callback_host(:callback)))
				""").param("callback", callback).query((rs) -> {
		});
		this.jdbc.sql("select pg_advisory_xact_lock(hashtext('veille.websub.topic'), hashtext(:topic))")
			.param("topic", topic)
			.query((rs) -> {
			});
	}

	/** The other subscriptions that share the host or the topic: live ones, and those waiting when asked. */
	private long others(String sharing, String topic, String callback, boolean waitingToo) {
		return this.jdbc.sql("""
				select count(*) from (
				    select topic, callback from websub_subscriptions where %1$s and expires_at > :now
				    union
				    select topic, callback from websub_jobs
				    where kind = 'verify' and mode = 'subscribe' and %1$s and :waiting
				) as subscriptions
				where not (topic = :topic and callback = :callback)
				""".formatted(sharing))
			.param("waiting", waitingToo)
			.param("topic", topic)
			.param("callback", callback)
			.param("now", Timestamps.of(this.clock.instant().truncatedTo(ChronoUnit.MICROS)))
			.query(Long.class)
			.single();
	}

	private boolean waiting(String mode, String topic, String callback) {
		return this.jdbc.sql("""
				select exists (select from websub_jobs
				               where kind = 'verify' and mode = :mode and topic = :topic and callback = :callback)
				""")
			.param("mode", mode)
			.param("topic", topic)
			.param("callback", callback)
			.query(Boolean.class)
			.single();
	}

}
