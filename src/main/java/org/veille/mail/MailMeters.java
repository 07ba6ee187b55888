package org.veille.mail;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.veille.operations.QueueGauges;
import org.veille.operations.QueueGauges.QueueState;

/**
 * The outbox as gauges ({@code veille.mail.outbox.due}, {@code veille.mail.outbox.oldest.age}): e-mails
 * waiting to be sent whose time has come, read from {@code mail_outbox_due_idx}. An SMTP server that stays
 * away shows as a growing age.
 */
@Component
class MailMeters {

	MailMeters(MeterRegistry registry, JdbcClient jdbc) {
		QueueGauges.register(registry, "veille.mail.outbox", "E-mails waiting to be sent", () -> jdbc.sql("""
				select count(*) as due, coalesce(extract(epoch from now() - min(not_before)), 0) as oldest
				from mail_outbox where state = 'queued' and not_before <= now()
				""").query((rs, row) -> new QueueState(rs.getLong("due"), rs.getDouble("oldest"))).single());
	}

}
