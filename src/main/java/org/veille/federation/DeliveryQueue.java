package org.veille.federation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import org.veille.database.Timestamps;

/**
 * The deliveries waiting in PostgreSQL. A worker claims one due delivery with {@code FOR UPDATE SKIP LOCKED} under
 * a lease ({@code claimed_until}, {@value #LEASE_MINUTES} minutes, from the database's own clock shared by all
 * instances) and a random token; only the holder of the token may finish or retry it, so a delivery whose worker
 * died is claimed again when its lease ends. A host with {@code per-host} deliveries in progress, or paused after
 * failing again and again, is passed over.
 */
@Component
class DeliveryQueue {

	static final int LEASE_MINUTES = 2;

	/** The first wait after a failure; each next one is doubled, up to a day. */
	static final Duration FIRST_RETRY = Duration.ofSeconds(30);

	static final Duration LONGEST_RETRY = Duration.ofDays(1);

	private final JdbcClient jdbc;

	private final Clock clock;

	private final FederationProperties properties;

	DeliveryQueue(JdbcClient jdbc, Clock clock, FederationProperties properties) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.properties = properties;
	}

	/** One delivery per inbox, due now. Within the caller's transaction. */
	void queue(Collection<String> inboxes, LocalActor signer, String keyId, String activity) {
		for (String inbox : inboxes) {
			String host;
			try {
				host = RemoteActors.hostOf(inbox);
			}
			catch (RemoteActorException ex) {
				continue;
			}
			this.jdbc.sql("""
					insert into federation_deliveries (inbox, host, account_id, tag_id, key_id, activity, due_at)
					values (:inbox, :host, :account, :tag, :key, :activity, :now)
					""")
				.param("inbox", inbox)
				.param("host", host)
				.param("account", signer.isPerson() ? signer.id() : null)
				.param("tag", signer.isPerson() ? null : signer.id())
				.param("key", keyId)
				.param("activity", activity)
				.param("now", Timestamps.of(now()))
				.update();
		}
	}

	@Transactional
	Optional<Delivery> claim() {
		UUID token = UUID.randomUUID();
		return this.jdbc.sql("""
				update federation_deliveries set claimed_until = now() + make_interval(mins => :lease),
				    claim_token = :token, attempts = attempts + 1
				where id = (
				    select d.id from federation_deliveries d
				    where d.due_at <= now() and (d.claimed_until is null or d.claimed_until < now())
				      and not exists (select from federation_hosts h where h.host = d.host and h.paused_until > now())
				      and (select count(*) from federation_deliveries c
				           where c.host = d.host and c.claimed_until > now()) < :perHost
				    order by d.due_at, d.id limit 1 for update skip locked)
				returning id, inbox, host, account_id, tag_id, key_id, activity, attempts
				""")
			.param("lease", LEASE_MINUTES)
			.param("token", token)
			.param("perHost", this.properties.perHost())
			.query((rs, row) -> {
				long account = rs.getLong("account_id");
				Long accountId = rs.wasNull() ? null : account;
				long tag = rs.getLong("tag_id");
				Long tagId = rs.wasNull() ? null : tag;
				return new Delivery(rs.getLong("id"), rs.getString("inbox"), rs.getString("host"), accountId, tagId,
						rs.getString("key_id"), rs.getString("activity"), rs.getInt("attempts"), token);
			})
			.optional();
	}

	/** Sent, or refused for good: it leaves the queue; a success also clears the host's failures. */
	@Transactional
	void done(Delivery delivery, boolean hostAnswered) {
		this.jdbc.sql("delete from federation_deliveries where id = :id and claim_token = :token")
			.param("id", delivery.id())
			.param("token", delivery.token())
			.update();
		if (hostAnswered) {
			this.jdbc.sql("delete from federation_hosts where host = :host").param("host", delivery.host()).update();
		}
	}

	/** Failed for now: due again after a longer wait, or given up after the last attempt. */
	@Transactional
	void retry(Delivery delivery, String error) {
		Duration wait = waitAfter(delivery.attempts());
		if (delivery.attempts() >= this.properties.maxAttempts()) {
			done(delivery, false);
		}
		else {
			this.jdbc.sql("""
					update federation_deliveries set claimed_until = null, claim_token = null, due_at = :due,
					    last_error = :error
					where id = :id and claim_token = :token
					""")
				.param("due", Timestamps.of(now().plus(wait)))
				.param("error", (error.length() > 500) ? error.substring(0, 500) : error)
				.param("id", delivery.id())
				.param("token", delivery.token())
				.update();
		}
		this.jdbc.sql("""
				insert into federation_hosts (host, failures) values (:host, 1)
				on conflict (host) do update set failures = federation_hosts.failures + 1,
				    paused_until = case when federation_hosts.failures + 1 >= :pauseAfter then :until
				                        else federation_hosts.paused_until end
				""")
			.param("host", delivery.host())
			.param("pauseAfter", this.properties.pauseAfter())
			.param("until", Timestamps.of(now().plus(wait)))
			.update();
	}

	static Duration waitAfter(int attempts) {
		int doublings = Math.min(Math.max(attempts - 1, 0), 20);
		Duration wait = FIRST_RETRY.multipliedBy(1L << doublings);
		return (wait.compareTo(LONGEST_RETRY) > 0) ? LONGEST_RETRY : wait;
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

}
