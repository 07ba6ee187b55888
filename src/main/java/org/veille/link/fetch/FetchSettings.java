package org.veille.link.fetch;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits and identity of the link fetcher, bound from {@code veille.fetch.*}. Which addresses and ports may be
 * reached, and how long a connection may take, is the outbound client's policy ({@code veille.outbound.*}).
 *
 * @param totalTimeout longest time a whole fetch may take, redirects and slow bodies included
 * @param maxBodyBytes most (decoded) bytes read from a page; an HTML page is parsed from its first bytes up to this
 *     limit, anything else larger than this is {@link FailureReason#TOO_LARGE} when its size must be counted
 * @param maxImageBytes most (decoded) bytes read from a preview image
 * @param maxRedirects most redirects followed; one more is {@link FailureReason#TOO_MANY_REDIRECTS}
 * @param userAgent the {@code User-Agent} sent, one line of printable ASCII naming Veille and the instance
 */
public record FetchSettings(
		Duration totalTimeout,
		long maxBodyBytes,
		long maxImageBytes,
		int maxRedirects,
		String userAgent) {

	public static final String DEFAULT_USER_AGENT = "Veille/0.1 (+https://github.com/veille; link preview bot)";

	/** Arrays hold the bodies read, so limits stay well below what an array can hold. */
	static final long LARGEST_BODY_LIMIT = 256L * 1024 * 1024;

	public FetchSettings {
		Objects.requireNonNull(totalTimeout, "totalTimeout");
		if (totalTimeout.isNegative() || totalTimeout.isZero()) {
			throw new IllegalArgumentException("totalTimeout must be positive");
		}
		requireByteLimit(maxBodyBytes, "maxBodyBytes");
		requireByteLimit(maxImageBytes, "maxImageBytes");
		if (maxRedirects < 0) {
			throw new IllegalArgumentException("maxRedirects must not be negative");
		}
		Objects.requireNonNull(userAgent, "userAgent");
		if (userAgent.isBlank() || !userAgent.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
			throw new IllegalArgumentException("userAgent must be one non-blank line of printable ASCII");
		}
	}

	/** Whole fetch 15 s, pages 2 MiB, images 5 MiB, 5 redirects. */
	public static FetchSettings defaults() {
		return new FetchSettings(Duration.ofSeconds(15), 2L * 1024 * 1024, 5L * 1024 * 1024, 5, DEFAULT_USER_AGENT);
	}

	private static void requireByteLimit(long bytes, String name) {
		if (bytes <= 0 || bytes > LARGEST_BODY_LIMIT) {
			throw new IllegalArgumentException(name + " must be between 1 and " + LARGEST_BODY_LIMIT + " bytes");
		}
	}
}
