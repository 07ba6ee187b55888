package org.veille.blogfeed;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.veille.operations.QueueGauges;
import org.veille.operations.QueueGauges.QueueState;

/**
 * The feeds waiting for a poll as gauges ({@code veille.blog.feeds.due}, {@code veille.blog.feeds.oldest.age}):
 * those the workers would claim now (not paused, of people not suspended), read from {@code blog_feeds_due_idx}.
 */
@Component
class BlogFeedMeters {

	BlogFeedMeters(MeterRegistry registry, JdbcClient jdbc) {
		QueueGauges.register(registry, "veille.blog.feeds", "Blog feeds waiting for a poll", () -> jdbc.sql("""
				select count(*) as due,
				       coalesce(extract(epoch from now() - min(coalesce(f.claimed_until, f.next_poll_at))), 0) as oldest
				from blog_feeds f join accounts a on a.id = f.account_id
				where not f.paused and coalesce(f.claimed_until, f.next_poll_at) <= now() and a.suspended_at is null
				""").query((rs, row) -> new QueueState(rs.getLong("due"), rs.getDouble("oldest"))).single());
	}

}
