package org.veille.websub;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The hub's limits, {@code veille.websub.*} (README lists them). Which callbacks it may reach is the outbound policy
 * of every request, {@code veille.outbound.*}.
 *
 * @param maxSubscriptionsPerCallbackHost subscriptions, live or waiting for their verification, whose callbacks are
 *     on one host
 * @param maxSubscriptionsPerTopic subscriptions, live or waiting for their verification, to one feed
 */
@Validated
@ConfigurationProperties("veille.websub")
record WebSubProperties(
		@DefaultValue("100") @Min(1) int maxSubscriptionsPerCallbackHost,
		@DefaultValue("1000") @Min(1) int maxSubscriptionsPerTopic) {
}
