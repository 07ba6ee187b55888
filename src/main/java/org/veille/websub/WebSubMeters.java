package org.veille.websub;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.veille.operations.QueueGauges;
import org.veille.operations.QueueGauges.QueueState;

/**
 * The hub's queue as gauges ({@code veille.websub.queue.due}, {@code veille.websub.queue.oldest.age}):
 * verifications and deliveries due, read from {@code websub_jobs_due_idx}.
 */
@Component
class WebSubMeters {

	WebSubMeters(MeterRegistry registry, JdbcClient jdbc) {
		QueueGauges.register(registry, "veille.websub.queue", "WebSub verifications and deliveries", () -> jdbc.sql("""
				select count(*) as due, coalesce(extract(epoch from now() - min(due_at)), 0) as oldest
				from websub_jobs where coalesce(claimed_until, due_at) <= now()
				""").query((rs, row) -> new QueueState(rs.getLong("due"), rs.getDouble("oldest"))).single());
	}

}
