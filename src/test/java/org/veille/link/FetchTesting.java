package org.veille.link;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.util.unit.DataSize;

import org.veille.link.fetch.PageFetcher;
import org.veille.outbound.AddressGuard;
import org.veille.outbound.AddressPolicy;
import org.veille.outbound.OutboundClient;
import org.veille.outbound.OutboundProperties;
import org.veille.outbound.OutboundTesting;

/**
 * Fetch workers for integration tests. The shared context runs none ({@code veille.fetch.enabled=false}); a test
 * starts its own pools against the shared database, with a fetcher whose DNS knows only the names the test gives
 * it (anything else fails at once, without touching the network). Jobs left by other tests are claimed too, and
 * fail fast.
 */
final class FetchTesting {

	private FetchTesting() {
	}

	/** Short limits and quick polls. */
	static FetchProperties properties(Duration totalTimeout) {
		return new FetchProperties(true, 4, totalTimeout, DataSize.ofKilobytes(256), DataSize.ofKilobytes(256), 5,
				"Veille-test/1.0", totalTimeout.multipliedBy(2).plusSeconds(1), 3, Duration.ofMinutes(1),
				Duration.ofDays(30), Duration.ofMillis(20), 120);
	}

	static FetchProperties localProperties() {
		return properties(Duration.ofSeconds(3));
	}

	/** A fetcher on any port, whose DNS knows only these names; {@code policy} says which addresses it may reach. */
	static PageFetcher fetcher(FetchProperties properties, AddressPolicy policy, Map<String, String> names) {
		return fetcher(properties, OutboundTesting.local(), policy, names);
	}

	/** The same, on the ports {@code outbound} allows. */
	static PageFetcher fetcher(FetchProperties properties, OutboundProperties outbound, AddressPolicy policy,
			Map<String, String> names) {
		AddressGuard guard = new AddressGuard((host) -> {
			String address = names.get(host);
			if (address == null) {
				throw new UnknownHostException(host + " (unknown to this test)");
			}
			return List.of(InetAddress.getByName(address));
		}, policy);
		return new PageFetcher(properties.settings(), new OutboundClient(outbound, guard));
	}

	static FetchWorkers pool(FetchQueue queue, PageFetcher fetcher, FetchProperties properties) {
		return new FetchWorkers(new FetchWorker(queue, fetcher, properties), queue, properties);
	}

}
