package org.veille.blogfeed;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import org.veille.link.fetch.LocalHttpServer;
import org.veille.outbound.AddressGuard;
import org.veille.outbound.AddressPolicy;
import org.veille.outbound.OutboundClient;
import org.veille.outbound.OutboundTesting;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A poll's request under the production address policy, with 127.0.0.2 standing for the public internet: a feed
 * at a name that resolves to a private address, or redirecting to one, is never fetched from there.
 */
class FeedFetchTests {

	private static final BlogFeedProperties PROPERTIES = new BlogFeedProperties(true, 1, Duration.ofMinutes(15),
			Duration.ofHours(24), DataSize.ofMegabytes(5), Duration.ofSeconds(5), Duration.ofSeconds(1));

	@Test
	void shouldNeverFetchFromAPrivateAddressEvenThroughARedirect() throws Exception {
		InetAddress publicStandIn = InetAddress.getByAddress(new byte[] { 127, 0, 0, 2 });
		try (LocalHttpServer loopback = LocalHttpServer.start();
				LocalHttpServer allowed = LocalHttpServer.start(publicStandIn)) {
			loopback.content("/secret.xml", "application/rss+xml", "<rss/>".getBytes(StandardCharsets.UTF_8));
			allowed.redirect("/feed.xml", 301, loopback.uri("/secret.xml").toString());
			allowed.content("/ok.xml", "application/rss+xml", "<rss/>".getBytes(StandardCharsets.UTF_8));
			FeedFetch fetch = fetch(publicStandIn, allowed.port(), loopback.port());

			FeedFetch.Outcome redirected = fetch.fetch(allowed.uri("/feed.xml").toString(), null, null);
			FeedFetch.Outcome named = fetch.fetch("http://intranet.test:" + allowed.port() + "/feed.xml", null, null);
			FeedFetch.Outcome direct = fetch.fetch(loopback.uri("/secret.xml").toString(), null, null);
			FeedFetch.Outcome fine = fetch.fetch(allowed.uri("/ok.xml").toString(), null, null);

			assertThat(List.of(redirected, named, direct)).allSatisfy((outcome) -> assertThat(outcome)
				.isInstanceOfSatisfying(FeedFetch.Failed.class,
						(failed) -> assertThat(failed.messageKey()).isEqualTo("blogfeeds.error.blocked")));
			assertThat(loopback.requestedPaths()).isEmpty();
			assertThat(fine).isInstanceOf(FeedFetch.Body.class);
		}
	}

	private static FeedFetch fetch(InetAddress publicStandIn, int... ports) {
		Map<String, String> names = Map.of("intranet.test", "10.1.2.3");
		AddressGuard guard = new AddressGuard((host) -> {
			String address = names.get(host);
			if (address == null) {
				throw new UnknownHostException(host + " (unknown to this test)");
			}
			return List.of(InetAddress.getByName(address));
		}, (address) -> address.equals(publicStandIn) || AddressPolicy.publicInternetOnly().permits(address));
		return new FeedFetch(new OutboundClient(OutboundTesting.ports(false, ports), guard), PROPERTIES);
	}

}
