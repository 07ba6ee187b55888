package org.veille.link;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.util.unit.DataSize;

import org.veille.link.fetch.AddressGuard;
import org.veille.link.fetch.AddressPolicy;
import org.veille.link.fetch.FetchSettings;
import org.veille.link.fetch.PageFetcher;

/**
 * Fetch workers for integration tests. The shared context runs none ({@code veille.fetch.enabled=false}); a test
 * starts its own pools against the shared database, with a fetcher whose DNS knows only the names the test gives
 * it (anything else fails at once, without touching the network) and whose ports are the test servers'. Jobs
 * left by other tests are claimed too, and fail fast.
 */
final class FetchTesting {

	private FetchTesting() {
	}

	/** Short limits, quick polls, and the given ports besides 80 and 443. */
	static FetchProperties properties(boolean allowPrivateAddresses, Duration totalTimeout, int... ports) {
		Set<Integer> allowed = new HashSet<>(Set.of(80, 443));
		for (int port : ports) {
			allowed.add(port);
		}
		return new FetchProperties(true, 4, Duration.ofSeconds(1), totalTimeout, DataSize.ofKilobytes(256),
				DataSize.ofKilobytes(256), 5, "Veille-test/1.0", allowed, allowPrivateAddresses,
				totalTimeout.multipliedBy(2).plusSeconds(1), 3, Duration.ofMinutes(1), Duration.ofDays(30),
				Duration.ofMillis(20), 120);
	}

	static FetchProperties localProperties(int... ports) {
		return properties(true, Duration.ofSeconds(3), ports);
	}

	/** A fetcher whose DNS knows only these names; {@code policy} says which addresses it may connect to. */
	static PageFetcher fetcher(FetchProperties properties, AddressPolicy policy, Map<String, String> names) {
		FetchSettings settings = properties.settings();
		return new PageFetcher(settings, new AddressGuard((host) -> {
			String address = names.get(host);
			if (address == null) {
				throw new UnknownHostException(host + " (unknown to this test)");
			}
			return List.of(InetAddress.getByName(address));
		}, policy));
	}

	static FetchWorkers pool(FetchQueue queue, PageFetcher fetcher, FetchProperties properties) {
		return new FetchWorkers(new FetchWorker(queue, fetcher, properties), queue, properties);
	}

}
