package org.veille.federation;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code veille.federation.*} (README lists them).
 *
 * @param workers threads sending deliveries on this instance
 * @param pollInterval how often an idle worker looks for due work
 * @param perHost deliveries in progress to one host at once, across instances (a soft limit: two workers claiming
 *     at the same instant may pass it by one)
 * @param maxAttempts attempts of one delivery before it is given up (the waits double from 30 s to a day: about
 *     four days with the default)
 * @param pauseAfter failures in a row after which a host is paused, for as long as its last wait
 * @param timeout the whole exchange of one delivery
 * @param webfingerScheme how other servers are asked who a handle {@code @user@host} is: {@code https}, or
 *     {@code http} for tests and private networks only
 * @param authorizedFetch whether GETs of notes, outboxes and collections must be signed, and actors answer only
 *     their key to unsigned GETs (Mastodon's secure mode)
 */
@Validated
@ConfigurationProperties("veille.federation")
record FederationProperties(
		@DefaultValue("2") @Min(0) @Max(64) int workers,
		@DefaultValue("1s") Duration pollInterval,
		@DefaultValue("2") @Min(1) @Max(64) int perHost,
		@DefaultValue("10") @Min(1) @Max(30) int maxAttempts,
		@DefaultValue("5") @Min(1) int pauseAfter,
		@DefaultValue("10s") Duration timeout,
		@DefaultValue("https") @Pattern(regexp = "https?") String webfingerScheme,
		@DefaultValue("false") boolean authorizedFetch) {
}
