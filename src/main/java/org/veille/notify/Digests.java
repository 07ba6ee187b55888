package org.veille.notify;

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import org.veille.mail.Outbox;

/**
 * Queues the daily and weekly digests that are due ({@link DigestSchedule}: once a minute), in two statements whatever their
 * number: the due settings rows are moved to their next date (claimed with {@code SKIP LOCKED}, so two
 * instances never queue the same digest), then one e-mail each is queued. What a digest lists is read when
 * it is sent ({@link NotificationComposer}).
 */
@Component
class Digests {

	/** The next date of a digest of this period ({@code %s}: the period's SQL), from now. */
	static final String NEXT_DUE = "case %s when 'daily' then now() + interval '1 day'"
			+ " when 'weekly' then now() + interval '7 days' end";

	private static final int BATCH = 1_000;

	private final JdbcClient jdbc;

	private final Outbox outbox;

	Digests(JdbcClient jdbc, Outbox outbox) {
		this.jdbc = jdbc;
		this.outbox = outbox;
	}

	/** Queues the digests due now, at most {@value #BATCH}; returns how many. */
	@Transactional
	int queueDue() {
		List<Long> due = this.jdbc.sql("""
				update notification_settings s set digest_due_at = %s
				where s.account_id in (
				    select account_id from notification_settings
				    where digest <> 'off' and digest_due_at <= now()
				    order by digest_due_at limit :batch for update skip locked)
				returning s.account_id
				""".formatted(NEXT_DUE.formatted("s.digest"))).param("batch", BATCH).query(Long.class).list();
		if (due.isEmpty()) {
			return 0;
		}
		return this.outbox.queueAll("""
				select 'digest', r.id, cast(null as bigint), cast(null as bigint),
				       'digest:' || to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI')
				from accounts r where r.id = any(cast(:due as bigint[])) and r.email_verified_at is not null
				""", Map.of("due", due.toArray(Long[]::new)));
	}

}
