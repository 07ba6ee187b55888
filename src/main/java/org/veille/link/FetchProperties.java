package org.veille.link;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import org.veille.link.fetch.FetchSettings;

/**
 * The link fetcher's settings, {@code veille.fetch.*} (README lists them). Which addresses and ports it may reach is
 * the outbound policy of every request, {@code veille.outbound.*}.
 *
 * @param enabled whether this instance runs fetch workers (jobs are queued either way)
 * @param workers how many links this instance fetches at once
 * @param lease how long a claimed job is reserved to its worker; a job whose worker died is claimed again after it
 * @param maxAttempts attempts before a link is marked as failed for good
 * @param retryDelay the wait before the first retry; it doubles at each further attempt
 * @param refetchAfter links last fetched longer ago than this are fetched again
 * @param pollInterval how often idle workers look for jobs queued by other instances
 * @param thumbnailSize the largest side of a thumbnail, in pixels
 */
@Validated
@ConfigurationProperties("veille.fetch")
public record FetchProperties(
		@DefaultValue("true") boolean enabled,
		@DefaultValue("4") @Min(1) @Max(64) int workers,
		@DefaultValue("15s") Duration totalTimeout,
		@DefaultValue("2MB") DataSize maxBodySize,
		@DefaultValue("5MB") DataSize maxImageSize,
		@DefaultValue("5") @Min(0) @Max(20) int maxRedirects,
		@DefaultValue(FetchSettings.DEFAULT_USER_AGENT) @NotBlank String userAgent,
		@DefaultValue("2m") Duration lease,
		@DefaultValue("5") @Min(1) @Max(20) int maxAttempts,
		@DefaultValue("1m") Duration retryDelay,
		@DefaultValue("30d") Duration refetchAfter,
		@DefaultValue("5s") Duration pollInterval,
		@DefaultValue("240") @Min(32) @Max(1024) int thumbnailSize) {

	public FetchProperties {
		FetchSettings checked = settings(totalTimeout, maxBodySize, maxImageSize, maxRedirects, userAgent);
		// A page and its image are fetched under one lease, each within the total timeout.
		if (lease.compareTo(checked.totalTimeout().multipliedBy(2)) <= 0) {
			throw new IllegalArgumentException("veille.fetch.lease (" + lease
					+ ") must be longer than twice veille.fetch.total-timeout (" + totalTimeout + ")");
		}
		requirePositive(retryDelay, "retry-delay");
		requirePositive(refetchAfter, "refetch-after");
		requirePositive(pollInterval, "poll-interval");
	}

	/** The limits the fetcher core works with. */
	public FetchSettings settings() {
		return settings(this.totalTimeout, this.maxBodySize, this.maxImageSize, this.maxRedirects, this.userAgent);
	}

	/** Every default, as a fresh instance without configuration would have them. */
	public static FetchProperties defaults() {
		FetchSettings core = FetchSettings.defaults();
		return new FetchProperties(true, 4, core.totalTimeout(), DataSize.ofBytes(core.maxBodyBytes()),
				DataSize.ofBytes(core.maxImageBytes()), core.maxRedirects(), core.userAgent(), Duration.ofMinutes(2), 5,
				Duration.ofMinutes(1), Duration.ofDays(30), Duration.ofSeconds(5), 240);
	}

	private static FetchSettings settings(Duration totalTimeout, DataSize maxBodySize, DataSize maxImageSize,
			int maxRedirects, String userAgent) {
		return new FetchSettings(totalTimeout, maxBodySize.toBytes(), maxImageSize.toBytes(), maxRedirects, userAgent);
	}

	private static void requirePositive(Duration duration, String name) {
		if (duration.isNegative() || duration.isZero()) {
			throw new IllegalArgumentException("veille.fetch." + name + " must be positive");
		}
	}

}
