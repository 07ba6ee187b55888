package org.veille.websub;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import org.veille.database.Timestamps;
import org.veille.message.EntryPublished;

/**
 * The hub's work, kept in PostgreSQL: verifications of intent, publications and deliveries, each claimed by one
 * worker with {@code FOR UPDATE SKIP LOCKED} (so several instances share the queue) and deleted as
 * it is claimed; a failure is queued again later, {@value #MAX_ATTEMPTS} times at most.
 */
@Component
class WebSubQueue {

	static final int DEFAULT_LEASE_SECONDS = 10 * 24 * 3600;

	static final int MAX_LEASE_SECONDS = 30 * 24 * 3600;

	static final int MAX_ATTEMPTS = 6;

	/** Longer than any job takes (a delivery's deadline is 10 seconds), and the wait after an instance died. */
	static final Duration CLAIM_LEASE = Duration.ofMinutes(2);

	/** A job as claimed. */
	record Job(long id, String kind, @Nullable Long subscriptionId, @Nullable String topic, @Nullable String callback,
			@Nullable String mode, @Nullable String secret, int leaseSeconds, int attempts) {
	}

	/** A subscription as a delivery needs it. */
	record Subscription(long id, String topic, String callback, @Nullable String secret, @Nullable String lastEtag) {
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	private final WebSubSignal workers;

	WebSubQueue(JdbcClient jdbc, Clock clock, WebSubSignal workers) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.workers = workers;
	}

	@Transactional
	void requestVerification(String mode, String topic, String callback, int leaseSeconds, @Nullable String secret) {
		this.jdbc.sql("""
				insert into websub_jobs (kind, topic, callback, mode, secret, lease_seconds, due_at)
				values ('verify', :topic, :callback, :mode, :secret, :lease, :now)
				""")
			.param("topic", topic)
			.param("callback", callback)
			.param("mode", mode)
			.param("secret", secret)
			.param("lease", leaseSeconds)
			.param("now", Timestamps.of(now()))
			.update();
		wakeWorkersAfterCommit();
	}

	/** A publisher says this topic changed: its subscribers get a delivery. */
	@Transactional
	void publish(String topic) {
		queueDeliveries("topic = :topic", topic);
	}

	/**
	 * A message was posted: in the posting transaction itself (DESIGN §8: no second transaction on the
	 * request's thread), one row says so when anyone subscribes; a worker turns it into a delivery per
	 * live subscription ({@link #claim()}). Queuing the deliveries here instead would make concurrent
	 * posts wait for each other on the one pending delivery of each subscription.
	 */
	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
	public void entryPublished(EntryPublished event) {
		int queued = this.jdbc.sql("""
				insert into websub_jobs (kind, due_at)
				select 'publish', :now where exists (select from websub_subscriptions where expires_at > :now)
				""").param("now", Timestamps.of(now())).update();
		if (queued > 0) {
			wakeWorkersAfterCommit();
		}
	}

	private void queueDeliveries(String condition, @Nullable String topic) {
		// In the subscriptions' order, so that two transactions queuing together never wait for each other in turn.
		JdbcClient.StatementSpec insert = this.jdbc.sql("""
				insert into websub_jobs (kind, subscription_id, due_at)
				select 'deliver', id, :now from websub_subscriptions where expires_at > :now and %s order by id
				on conflict (subscription_id) where kind = 'deliver' and claimed_until is null do nothing
				""".formatted(condition)).param("now", Timestamps.of(now()));
		if (topic != null) {
			insert = insert.param("topic", topic);
		}
		if (insert.update() > 0) {
			wakeWorkersAfterCommit();
		}
	}

	/** Woken before the commit, a worker would find nothing yet and sleep until its next poll. */
	private void wakeWorkersAfterCommit() {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			this.workers.wake();
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				WebSubQueue.this.workers.wake();
			}
		});
	}

	/**
	 * Reserves the next due job for {@link #CLAIM_LEASE}, if any, having first turned every due publication into
	 * deliveries (one pending delivery per subscription, however many posts came meanwhile). A job stays in the
	 * queue until {@link #done} or {@link #retry}: when its worker's instance dies, it is due again once its
	 * reservation ends.
	 */
	@Transactional
	Optional<Job> claim() {
		int publications = this.jdbc.sql("""
				delete from websub_jobs where id in (
				    select id from websub_jobs where kind = 'publish' and due_at <= :now for update skip locked)
				""").param("now", Timestamps.of(now())).update();
		if (publications > 0) {
			queueDeliveries("true", null);
		}
		return this.jdbc.sql("""
				update websub_jobs set claimed_until = :until where id = (
				    select id from websub_jobs
				    where kind <> 'publish' and coalesce(claimed_until, due_at) <= :now
				    order by due_at, id limit 1 for update skip locked)
				returning id, kind, subscription_id, topic, callback, mode, secret, coalesce(lease_seconds, 0) as lease,
				          attempts
				""").param("now", Timestamps.of(now())).param("until", Timestamps.of(now().plus(CLAIM_LEASE)))
			.query((rs, row) -> {
				long subscription = rs.getLong("subscription_id");
				return new Job(rs.getLong("id"), rs.getString("kind"), rs.wasNull() ? null : subscription,
						rs.getString("topic"), rs.getString("callback"), rs.getString("mode"), rs.getString("secret"),
						rs.getInt("lease"), rs.getInt("attempts"));
			})
			.optional();
	}

	/** The job was carried out, or is not to be tried again: it leaves the queue. */
	@Transactional
	void done(Job job) {
		this.jdbc.sql("delete from websub_jobs where id = :id").param("id", job.id()).update();
	}

	/**
	 * Queues a failed delivery again, later each time, until it has failed {@value #MAX_ATTEMPTS} times. When
	 * another delivery to the subscription is already waiting (a post came meanwhile), that one will carry the
	 * feed as it then is: this one leaves the queue. (Should that delivery be queued between this check and this
	 * update, the update fails on the one-waiting rule and this job is sent again after its reservation: once
	 * too often, never lost.)
	 */
	@Transactional
	void retry(Job job) {
		int attempts = job.attempts() + 1;
		if (attempts >= MAX_ATTEMPTS) {
			done(job);
			return;
		}
		Instant due = now().plus(Duration.ofSeconds(5L << (2 * attempts)));
		int waitingAgain = this.jdbc.sql("""
				update websub_jobs set claimed_until = null, attempts = :attempts, due_at = :due
				where id = :id and not exists (
				    select from websub_jobs other
				    where other.subscription_id = websub_jobs.subscription_id and other.kind = 'deliver'
				      and other.claimed_until is null)
				""")
			.param("attempts", attempts)
			.param("due", Timestamps.of(due))
			.param("id", job.id())
			.update();
		if (waitingAgain == 0) {
			done(job);
		}
	}

	/** The callback confirmed: the subscription starts (or its lease is renewed), or ends. */
	@Transactional
	void confirmed(Job job) {
		if ("unsubscribe".equals(job.mode())) {
			this.jdbc.sql("delete from websub_subscriptions where topic = :topic and callback = :callback")
				.param("topic", job.topic())
				.param("callback", job.callback())
				.update();
			return;
		}
		this.jdbc.sql("""
				insert into websub_subscriptions (topic, callback, secret, expires_at, created_at)
				values (:topic, :callback, :secret, :expires, :now)
				on conflict (topic, callback) do update set secret = excluded.secret, expires_at = excluded.expires_at
				""")
			.param("topic", job.topic())
			.param("callback", job.callback())
			.param("secret", job.secret())
			.param("expires", Timestamps.of(now().plusSeconds(job.leaseSeconds())))
			.param("now", Timestamps.of(now()))
			.update();
	}

	@Transactional(readOnly = true)
	Optional<Subscription> subscription(long id) {
		return this.jdbc.sql("""
				select id, topic, callback, secret, last_etag from websub_subscriptions where id = :id and expires_at > :now
				""")
			.param("id", id)
			.param("now", Timestamps.of(now()))
			.query((rs, row) -> new Subscription(rs.getLong("id"), rs.getString("topic"), rs.getString("callback"),
					rs.getString("secret"), rs.getString("last_etag")))
			.optional();
	}

	@Transactional
	void delivered(long subscriptionId, @Nullable String etag) {
		this.jdbc.sql("update websub_subscriptions set last_etag = :etag where id = :id")
			.param("etag", etag)
			.param("id", subscriptionId)
			.update();
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

}
