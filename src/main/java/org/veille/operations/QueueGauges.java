package org.veille.operations;

import java.time.Duration;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The two gauges of a work queue kept in PostgreSQL: how many jobs are due ({@code <name>.due}) and how long
 * the oldest of them has waited ({@code <name>.oldest.age}, seconds). Both come from one query, which a scrape
 * runs once; the query must stay cheap (a count over an index of the due jobs). The gauges hold
 * this object strongly: nothing else does.
 */
public final class QueueGauges {

	/** Long enough for one scrape to read both gauges from one query. */
	private static final Duration FRESH_FOR = Duration.ofMillis(200);

	private final Supplier<QueueState> reader;

	private QueueState last = new QueueState(0, 0);

	private long readAt;

	private QueueGauges(Supplier<QueueState> reader) {
		this.reader = reader;
	}

	/** What a queue's query reads: the jobs due now and the age, in seconds, of the one due longest ago. */
	public record QueueState(long due, double oldestAgeSeconds) {
	}

	public static void register(MeterRegistry registry, String name, String description, Supplier<QueueState> reader) {
		QueueGauges gauges = new QueueGauges(reader);
		Gauge.builder(name + ".due", gauges, (g) -> g.read().due())
			.description(description + ": jobs due now")
			.strongReference(true)
			.register(registry);
		Gauge.builder(name + ".oldest.age", gauges, (g) -> g.read().oldestAgeSeconds())
			.description(description + ": how long the job due longest ago has waited")
			.baseUnit("seconds")
			.strongReference(true)
			.register(registry);
	}

	private synchronized QueueState read() {
		long now = System.nanoTime();
		if (this.readAt == 0 || now - this.readAt > FRESH_FOR.toNanos()) {
			this.last = this.reader.get();
			this.readAt = now;
		}
		return this.last;
	}

}
