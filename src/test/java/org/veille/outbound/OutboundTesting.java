package org.veille.outbound;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Outbound settings for tests against local servers. */
public final class OutboundTesting {

	private OutboundTesting() {
	}

	/** Any address on any port, a short connect timeout. */
	public static OutboundProperties local() {
		return new OutboundProperties(true, List.of(PortRange.valueOf("1-65535")), Duration.ofSeconds(1), 4, 100,
				"Veille-test/1.0");
	}

	/** Only these ports besides 80 and 443; private addresses as asked (the production default refuses them). */
	public static OutboundProperties ports(boolean allowPrivateAddresses, int... ports) {
		List<PortRange> allowed = new ArrayList<>(List.of(PortRange.valueOf("80"), PortRange.valueOf("443")));
		for (int port : ports) {
			allowed.add(new PortRange(port, port));
		}
		return new OutboundProperties(allowPrivateAddresses, allowed, Duration.ofSeconds(1), 4, 100,
				"Veille-test/1.0");
	}

}
