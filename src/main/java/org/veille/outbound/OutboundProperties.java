package org.veille.outbound;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The policy of every outbound request, {@code veille.outbound.*} (README lists them): one for the fetcher, the
 * WebSub hub and whatever comes next.
 *
 * @param allowPrivateAddresses whether loopback, private and other non-public addresses may be reached (tests, or an
 *     instance inside a private network); lifts the address check and nothing else
 * @param allowedPorts the only ports connected to, ports or ranges such as {@code 8000-8999}
 * @param connectTimeout longest wait for a TCP connection (and its TLS handshake) to one address
 * @param maxConnectionsPerHost connections open at once to one host, kept alive between requests
 * @param maxConnections connections open at once in all
 * @param userAgent the {@code User-Agent} of requests that name none of their own
 */
@Validated
@ConfigurationProperties("veille.outbound")
public record OutboundProperties(
		@DefaultValue("false") boolean allowPrivateAddresses,
		@DefaultValue({ "80", "443" }) @NotEmpty List<PortRange> allowedPorts,
		@DefaultValue("5s") Duration connectTimeout,
		@DefaultValue("4") @Min(1) @Max(100) int maxConnectionsPerHost,
		@DefaultValue("100") @Min(1) @Max(1000) int maxConnections,
		@DefaultValue(DEFAULT_USER_AGENT) @NotBlank String userAgent) {

	public static final String DEFAULT_USER_AGENT = "Veille/0.1 (+https://github.com/veille)";

	public OutboundProperties {
		allowedPorts = List.copyOf(allowedPorts);
		if (connectTimeout.isNegative() || connectTimeout.isZero()) {
			throw new IllegalArgumentException("veille.outbound.connect-timeout must be positive");
		}
		if (!userAgent.chars().allMatch((c) -> c >= 0x20 && c < 0x7f)) {
			throw new IllegalArgumentException("veille.outbound.user-agent must be one line of printable ASCII");
		}
	}

	/** Public addresses on ports 80 and 443, as a fresh instance without configuration has it. */
	public static OutboundProperties defaults() {
		return new OutboundProperties(false, List.of(PortRange.valueOf("80"), PortRange.valueOf("443")),
				Duration.ofSeconds(5), 4, 100, DEFAULT_USER_AGENT);
	}

	boolean allowsPort(int port) {
		return this.allowedPorts.stream().anyMatch((range) -> range.contains(port));
	}

}
