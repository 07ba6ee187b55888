package org.veille.account;

import java.time.Duration;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Spam limits, {@code veille.limits.*} (README: Moderation). Counted in PostgreSQL ({@code attempt_counters},
 * as the sign-in throttle counts), so that every instance shares them.
 *
 * @param postsPerMinute threads and replies one person may post in a minute
 * @param postsPerHour threads and replies one person may post in an hour
 * @param repliesPerMinute replies one person may post in a minute (replies also count as posts)
 * @param newAccountAge how old an account must be for search engines to follow the links of its messages
 * (read by thread.ThreadDecorator)
 */
@Validated
@ConfigurationProperties("veille.limits")
record LimitsProperties(@DefaultValue("10") @Min(1) int postsPerMinute, @DefaultValue("100") @Min(1) int postsPerHour,
		@DefaultValue("6") @Min(1) int repliesPerMinute, @DefaultValue("7d") Duration newAccountAge) {
}
