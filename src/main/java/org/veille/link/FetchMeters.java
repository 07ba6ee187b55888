package org.veille.link;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.veille.link.fetch.FailureReason;
import org.veille.operations.QueueGauges;
import org.veille.operations.QueueGauges.QueueState;

/**
 * The fetcher's metrics: the queue ({@code veille.fetch.queue.due}, {@code veille.fetch.queue.oldest.age}, read
 * from {@code link_fetch_jobs_due_idx}: the due jobs, not claimed or whose lease ran out) and the outcome of
 * each job ({@code veille.fetch.outcomes}: fetched, retried or failed, with the failure's reason).
 */
@Component
class FetchMeters {

	private final MeterRegistry registry;

	FetchMeters(MeterRegistry registry, JdbcClient jdbc) {
		this.registry = registry;
		QueueGauges.register(registry, "veille.fetch.queue", "Links waiting for a fetch", () -> jdbc.sql("""
				select count(*) as due, coalesce(extract(epoch from now() - min(not_before)), 0) as oldest
				from link_fetch_jobs
				where not_before <= now() and (claimed_until is null or claimed_until <= now())
				""").query((rs, row) -> new QueueState(rs.getLong("due"), rs.getDouble("oldest"))).single());
	}

	void fetched() {
		outcome("fetched", "none").increment();
	}

	void failed(FailureReason reason, boolean retried) {
		outcome(retried ? "retried" : "failed", reason.name()).increment();
	}

	private Counter outcome(String outcome, String reason) {
		return Counter.builder("veille.fetch.outcomes")
			.description("Fetch jobs done, by outcome and failure reason")
			.tag("outcome", outcome)
			.tag("reason", reason)
			.register(this.registry);
	}

}
