package org.veille.link;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import org.veille.link.fetch.LocalHttpServer;
import org.veille.outbound.AddressPolicy;
import org.veille.outbound.OutboundTesting;
import org.veille.support.IntegrationTest;
import org.veille.support.Posting;
import org.veille.support.TestPeople;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * With {@code allow-private-addresses=false}, no private or reserved address is fetched: each is recorded as
 * blocked, through the whole path of a posted message, its job and a worker. Only 127.0.0.2 stands for "the
 * public internet" here, so that a page there can redirect to a private address.
 */
@IntegrationTest
class BlockedAddressesIntegrationTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private FetchQueue queue;

	@Test
	void shouldRecordEveryPrivateAddressAsBlockedWithoutConnecting() throws Exception {
		InetAddress publicStandIn = InetAddress.getByAddress(new byte[] { 127, 0, 0, 2 });
		try (LocalHttpServer loopback = LocalHttpServer.start();
				LocalHttpServer allowed = LocalHttpServer.start(publicStandIn)) {
			String u = TestPeople.uniqueName("b").replace('_', '-');
			allowed.redirect("/" + u + "/to-loopback", 302, loopback.uri("/" + u + "/secret").toString());
			allowed.redirect("/" + u + "/to-metadata", 302, "http://169.254.169.254/latest/meta-data/");
			List<String> urls = List.of("http://127.0.0.1/" + u, "http://localhost/" + u, "http://[::1]/" + u,
					"http://0.0.0.0/" + u, "http://10.0.0.1/" + u, "http://172.16.0.1/" + u, "http://192.168.1.1/" + u,
					"http://169.254.169.254/" + u, "http://100.64.0.1/" + u, "http://[fc00::1]/" + u,
					"http://[fe80::1]/" + u, "http://[::ffff:127.0.0.1]/" + u, "http://2130706433/" + u,
					loopback.uri("/" + u + "/secret").toString(), allowed.uri("/" + u + "/to-loopback").toString(),
					allowed.uri("/" + u + "/to-metadata").toString(), "http://intranet.test/" + u,
					"http://127.0.0.2:22/" + u);
			Posting.as(this.mvc, TestPeople.signUp(this.mvc, TestPeople.uniqueName("blocked")),
					"Private addresses\n" + String.join("\n", urls));

			FetchProperties properties = FetchTesting.properties(Duration.ofSeconds(3));
			AddressPolicy publicOrStandIn = (address) -> address.equals(publicStandIn)
					|| AddressPolicy.publicInternetOnly().permits(address);
			FetchWorkers pool = FetchTesting.pool(this.queue,
					FetchTesting.fetcher(properties, OutboundTesting.ports(false, allowed.port(), loopback.port()),
							publicOrStandIn, Map.of("localhost", "127.0.0.1", "intranet.test", "10.1.2.3")),
					properties);
			pool.start();
			try {
				await().atMost(Duration.ofSeconds(20))
					.until(() -> urls.stream().allMatch((url) -> LinkRow.of(this.jdbc, url).status().equals("failed")));
			}
			finally {
				pool.stop();
			}

			for (String url : urls) {
				LinkRow link = LinkRow.of(this.jdbc, url);
				assertThat(link.failureReason()).as(url).isEqualTo("BLOCKED_ADDRESS");
				assertThat(link.failureDetail()).as(url).isNotBlank();
			}
			assertThat(LinkRow.of(this.jdbc, "http://127.0.0.2:22/" + u).failureDetail()).contains("port 22");
			assertThat(loopback.requestedPaths()).isEmpty();
			assertThat(allowed.requestedPaths()).containsExactlyInAnyOrder("/" + u + "/to-loopback",
					"/" + u + "/to-metadata");
		}
	}

	@Test
	void shouldTellThePosterTheAddressIsNotAllowedWithoutWhatItResolvesTo() throws Exception {
		String u = TestPeople.uniqueName("r").replace('_', '-');
		List<String> urls = List.of("http://localhost/" + u, "http://intranet.test/" + u, "http://wiki.intranet.test/" + u);
		MockHttpSession poster = TestPeople.signUp(this.mvc, TestPeople.uniqueName("resolved"));
		long id = Posting.as(this.mvc, poster, "Internal names\n" + String.join("\n", urls));

		FetchProperties properties = FetchTesting.properties(Duration.ofSeconds(3));
		FetchWorkers pool = FetchTesting.pool(this.queue, FetchTesting.fetcher(properties,
				AddressPolicy.publicInternetOnly(), Map.of("localhost", "127.0.0.1", "intranet.test", "10.1.2.3",
						"wiki.intranet.test", "fd12:3456:789a::17")),
				properties);
		pool.start();
		try {
			await().atMost(Duration.ofSeconds(20))
				.until(() -> urls.stream().allMatch((url) -> LinkRow.of(this.jdbc, url).status().equals("failed")));
		}
		finally {
			pool.stop();
		}

		for (String url : urls) {
			assertThat(LinkRow.of(this.jdbc, url).failureDetail()).as(url)
				.doesNotContain("127.0.0.1", "10.1.2.3", "fd12", "resolves")
				.endsWith("is on a private or reserved network");
		}
		String page = Posting.page(this.mvc, poster, "/messages/" + id);
		assertThat(page).contains("This address is not allowed (private or reserved network")
			.doesNotContain("127.0.0.1", "10.1.2.3", "fd12:");
		String french = this.mvc.perform(get("/messages/" + id).session(poster).header("Accept-Language", "fr"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(french).contains("Cette adresse n’est pas autorisée (réseau privé ou réservé");
	}

}
