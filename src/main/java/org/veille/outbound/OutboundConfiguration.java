package org.veille.outbound;

import java.util.List;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The one outbound client of the application, shared by the fetcher and the WebSub hub. */
@Configuration(proxyBeanMethods = false)
class OutboundConfiguration {

	/** Settings that existed before {@code veille.outbound.*}: a start-up that still sets one stops and says so. */
	private static final Map<String, String> MOVED_SETTINGS = Map.of(
			"veille.fetch.allow-private-addresses", "veille.outbound.allow-private-addresses",
			"veille.fetch.allowed-ports", "veille.outbound.allowed-ports",
			"veille.fetch.connect-timeout", "veille.outbound.connect-timeout",
			"veille.websub.allow-private-callbacks", "veille.outbound.allow-private-addresses");

	@Bean(destroyMethod = "close")
	OutboundClient outboundClient(OutboundProperties properties, Environment environment) {
		refuseMovedSettings(environment);
		return new OutboundClient(properties);
	}

	static void refuseMovedSettings(Environment environment) {
		List<String> moved = MOVED_SETTINGS.keySet().stream().filter(environment::containsProperty).sorted().toList();
		if (!moved.isEmpty()) {
			throw new IllegalStateException(moved.stream()
				.map((old) -> old + " is now " + MOVED_SETTINGS.get(old))
				.reduce((a, b) -> a + "; " + b)
				.orElseThrow() + ": one policy covers every outbound request (README, Configuration)");
		}
	}

}
