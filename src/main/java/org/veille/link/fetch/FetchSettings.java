package org.veille.link.fetch;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * Limits and identity of the link fetcher, bound from {@code veille.fetch.*}.
 *
 * @param connectTimeout longest wait for a TCP connection to one address
 * @param totalTimeout longest time a whole fetch may take, redirects and slow bodies included
 * @param maxBodyBytes most (decoded) bytes read from a page; an HTML page is parsed from its first bytes up to this
 *     limit, anything else larger than this is {@link FailureReason#TOO_LARGE} when its size must be counted
 * @param maxImageBytes most (decoded) bytes read from a preview image
 * @param maxRedirects most redirects followed; one more is {@link FailureReason#TOO_MANY_REDIRECTS}
 * @param userAgent the {@code User-Agent} sent, one line of printable ASCII naming Veille and the instance
 * @param allowedPorts the only ports connected to, never empty (tests add the port of their local server)
 * @param allowPrivateAddresses whether loopback, private and other non-public addresses may be fetched (tests only);
 *     lifts the address check and nothing else
 */
public record FetchSettings(
		Duration connectTimeout,
		Duration totalTimeout,
		long maxBodyBytes,
		long maxImageBytes,
		int maxRedirects,
		String userAgent,
		Set<Integer> allowedPorts,
		boolean allowPrivateAddresses) {

	public static final String DEFAULT_USER_AGENT = "Veille/0.1 (+https://github.com/veille; link preview bot)";

	/** Arrays hold the bodies read, so limits stay well below what an array can hold. */
	static final long LARGEST_BODY_LIMIT = 256L * 1024 * 1024;

	public FetchSettings {
		requirePositive(connectTimeout, "connectTimeout");
		requirePositive(totalTimeout, "totalTimeout");
		requireByteLimit(maxBodyBytes, "maxBodyBytes");
		requireByteLimit(maxImageBytes, "maxImageBytes");
		if (maxRedirects < 0) {
			throw new IllegalArgumentException("maxRedirects must not be negative");
		}
		Objects.requireNonNull(userAgent, "userAgent");
		if (userAgent.isBlank() || !userAgent.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
			throw new IllegalArgumentException("userAgent must be one non-blank line of printable ASCII");
		}
		allowedPorts = Set.copyOf(allowedPorts);
		if (allowedPorts.isEmpty()) {
			throw new IllegalArgumentException("allowedPorts must name at least one port");
		}
		if (!allowedPorts.stream().allMatch(port -> port >= 1 && port <= 65535)) {
			throw new IllegalArgumentException("allowedPorts must be between 1 and 65535: " + allowedPorts);
		}
	}

	/** Connect 5 s, whole fetch 15 s, pages 2 MiB, images 5 MiB, 5 redirects, ports 80 and 443, public addresses. */
	public static FetchSettings defaults() {
		return new FetchSettings(Duration.ofSeconds(5), Duration.ofSeconds(15), 2L * 1024 * 1024, 5L * 1024 * 1024, 5,
				DEFAULT_USER_AGENT, Set.of(80, 443), false);
	}

	private static void requirePositive(Duration duration, String name) {
		Objects.requireNonNull(duration, name);
		if (duration.isNegative() || duration.isZero()) {
			throw new IllegalArgumentException(name + " must be positive");
		}
	}

	private static void requireByteLimit(long bytes, String name) {
		if (bytes <= 0 || bytes > LARGEST_BODY_LIMIT) {
			throw new IllegalArgumentException(name + " must be between 1 and " + LARGEST_BODY_LIMIT + " bytes");
		}
	}
}
