package org.veille.mail;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import org.veille.database.Timestamps;

/**
 * The outbox in PostgreSQL (DESIGN §11). E-mails are queued in the transaction of the event that causes
 * them, so an e-mail exists exactly when its event was committed; workers claim them with
 * {@code FOR UPDATE SKIP LOCKED} under a lease from the database clock, as the fetch queue does, so any
 * number of instances send each e-mail once, and e-mails claimed by an instance that died are claimed
 * again when the lease runs out. A result is stored only while the claim's token still holds.
 */
@Repository
public class Outbox {

	private static final int MAX_FAILURE = 300;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	Outbox(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	/** An e-mail to send, as its event describes it. */
	public record Queued(String kind, long recipientId, @Nullable String address, @Nullable Long messageId,
			@Nullable Long actorId, @Nullable String event, @Nullable String secret) {

		/** An account e-mail: to this address (null: the person's own), with the link's token. */
		public static Queued account(String kind, long recipientId, @Nullable String address, @Nullable String secret) {
			return new Queued(kind, recipientId, address, null, null, null, secret);
		}

	}

	/**
	 * Queues one e-mail in the caller's transaction.
	 * @return whether it was queued (false: this event was already mailed to this person)
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean queue(Queued mail) {
		int added = this.jdbc.sql("""
				insert into mail_outbox (kind, recipient_id, address, message_id, actor_id, event, secret)
				values (:kind, :recipient, :address, :message, :actor, :event, :secret)
				on conflict (recipient_id, event) where event is not null do nothing
				""")
			.param("kind", mail.kind())
			.param("recipient", mail.recipientId())
			.param("address", mail.address())
			.param("message", mail.messageId())
			.param("actor", mail.actorId())
			.param("event", mail.event())
			.param("secret", mail.secret())
			.update();
		queued(added);
		return added > 0;
	}

	/**
	 * Queues the e-mails a query selects, in one statement whatever their number: {@code select} yields the
	 * columns {@code kind, recipient_id, message_id, actor_id, event} in that order. An event already mailed
	 * to a person is skipped.
	 * @return how many were queued
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public int queueAll(String select, Map<String, ?> parameters) {
		int added = this.jdbc.sql("insert into mail_outbox (kind, recipient_id, message_id, actor_id, event)\n" + select
				+ "\non conflict (recipient_id, event) where event is not null do nothing")
			.params(parameters)
			.update();
		queued(added);
		return added;
	}

	private void queued(int added) {
		if (added > 0) {
			this.events.publishEvent(new MailQueued());
		}
	}

	/** Claims up to {@code batch} e-mails due longest ago, for {@code lease}. */
	List<Envelope> claim(int batch, Duration lease) {
		UUID token = UUID.randomUUID();
		return this.jdbc.sql("""
				update mail_outbox o
				set claimed_until = now() + make_interval(secs => :lease), claimed_by = :token, attempts = o.attempts + 1
				where o.id in (
				    select id from mail_outbox
				    where state = 'queued' and not_before <= now() and (claimed_until is null or claimed_until <= now())
				    order by not_before, id
				    limit :batch
				    for update skip locked)
				returning o.id, o.kind, o.recipient_id, o.address, o.message_id, o.actor_id, o.secret, o.attempts
				""")
			.param("lease", seconds(lease))
			.param("token", token)
			.param("batch", batch)
			.query((rs, row) -> new Envelope(rs.getLong("id"), rs.getString("kind"), rs.getLong("recipient_id"),
					rs.getString("address"), (Long) rs.getObject("message_id"), (Long) rs.getObject("actor_id"),
					rs.getString("secret"), rs.getInt("attempts"), token))
			.list();
	}

	/**
	 * Sent (or kept, with their text, when no SMTP server is configured): the e-mails of one claim, in one
	 * statement (one commit for the batch rather than one each). Their links' tokens are wiped.
	 * @return how many were still this claim's
	 */
	int sent(List<Sent> sent) {
		if (sent.isEmpty()) {
			return 0;
		}
		return this.jdbc.sql("""
				update mail_outbox o set state = case when s.copy is null then 'sent' else 'kept' end, done_at = now(),
				    secret = null, claimed_until = null, claimed_by = null, failure = null, kept_copy = s.copy
				from unnest(cast(:ids as bigint[]), cast(:copies as text[])) as s(id, copy)
				where o.id = s.id and o.claimed_by = :token
				""")
			.param("ids", sent.stream().map((row) -> row.envelope().id()).toArray(Long[]::new))
			.param("copies", sent.stream().map(Sent::keptCopy).toArray(String[]::new))
			.param("token", sent.get(0).envelope().token())
			.update();
	}

	/** An e-mail of a claim that went out, with the copy kept of it when no SMTP server is configured. */
	record Sent(Envelope envelope, @Nullable String keptCopy) {
	}

	/** Nothing to send any more (the message was deleted, the person turned this e-mail off). */
	boolean dropped(Envelope envelope, String why) {
		return finish(envelope, "dropped", why, null);
	}

	/** Failed for the last time: kept with the reason, shown to the person on /settings. */
	boolean givenUp(Envelope envelope, String failure) {
		return finish(envelope, "given_up", failure, null);
	}

	/** Failed: tried again after {@code delay}, the reason kept meanwhile. */
	boolean retry(Envelope envelope, String failure, Duration delay) {
		return this.jdbc.sql("""
				update mail_outbox set not_before = now() + make_interval(secs => :delay), claimed_until = null,
				    claimed_by = null, failure = :failure
				where id = :id and claimed_by = :token
				""")
			.param("delay", seconds(delay))
			.param("failure", shorten(failure))
			.param("id", envelope.id())
			.param("token", envelope.token())
			.update() > 0;
	}

	private boolean finish(Envelope envelope, String state, @Nullable String failure, @Nullable String keptCopy) {
		return this.jdbc.sql("""
				update mail_outbox set state = :state, done_at = now(), secret = null, claimed_until = null,
				    claimed_by = null, failure = :failure, kept_copy = :copy
				where id = :id and claimed_by = :token
				""")
			.param("state", state)
			.param("failure", (failure != null) ? shorten(failure) : null)
			.param("copy", keptCopy)
			.param("id", envelope.id())
			.param("token", envelope.token())
			.update() > 0;
	}

	/** Deletes finished e-mails older than {@code age}, at most {@code limit}. */
	int purge(Duration age, int limit) {
		return this.jdbc.sql("""
				delete from mail_outbox where id in (
				    select id from mail_outbox where state <> 'queued' and done_at < now() - make_interval(secs => :age)
				    order by done_at limit :limit for update skip locked)
				""").param("age", seconds(age)).param("limit", limit).update();
	}

	/** The e-mails given up for this person, newest first: when, to where, and why. */
	@Transactional(readOnly = true)
	public List<GivenUp> givenUp(long recipientId, int limit) {
		return this.jdbc.sql("""
				select o.done_at, coalesce(o.address, a.email) as address, o.failure
				from mail_outbox o join accounts a on a.id = o.recipient_id
				where o.recipient_id = :recipient and o.state = 'given_up'
				order by o.done_at desc limit :limit
				""")
			.param("recipient", recipientId)
			.param("limit", limit)
			.query((rs, row) -> new GivenUp(Timestamps.read(rs, "done_at"), rs.getString("address"),
					String.valueOf(rs.getString("failure"))))
			.list();
	}

	/** An e-mail that could not be delivered. */
	public record GivenUp(Instant at, String address, String failure) {
	}

	private static String shorten(String text) {
		String line = MailHeaders.oneLine(text);
		return (line.length() > MAX_FAILURE) ? line.substring(0, MAX_FAILURE - 1) + "…" : line;
	}

	private static double seconds(Duration duration) {
		return duration.toMillis() / 1000.0;
	}

}
