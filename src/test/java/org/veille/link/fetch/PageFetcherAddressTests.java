package org.veille.link.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.veille.link.fetch.PageFetcherTests.failed;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.veille.link.fetch.FetchOutcome.Failed;
import org.veille.outbound.OutboundClients;
import org.veille.outbound.OutboundTesting;
import org.veille.outbound.RawServer;

/**
 * The fetcher with production settings refuses non-public addresses before connecting: a server listens on
 * 127.0.0.1, its port is allowed, and it never sees a connection.
 */
class PageFetcherAddressTests {

	@RegisterExtension
	final OutboundClients clients = new OutboundClients();

	private RawServer server;
	private PageFetcher fetcher;

	@BeforeEach
	void startServer() {
		server = RawServer.start(socket -> socket.close());
		fetcher = new PageFetcher(FetchSettings.defaults(), clients.client(OutboundTesting.ports(false, server.port())));
	}

	@AfterEach
	void stopServer() throws IOException {
		server.close();
	}

	@ParameterizedTest
	@ValueSource(strings = {"127.0.0.1", "localhost", "[::1]", "0.0.0.0", "[::ffff:127.0.0.1]", "[::ffff:7f00:1]",
		"2130706433", "0x7f.1", "0177.0.0.1", "127.1", "0x7f000001", "127.0.0.1.", "LOCALHOST"})
	void shouldRefuseLoopbackInEveryFormWithoutConnecting(String host) throws IOException {
		Failed failed = failed(fetcher.fetch(URI.create("http://" + host + ":" + server.port() + "/")));

		assertThat(failed.reason()).isEqualTo(FailureReason.BLOCKED_ADDRESS);
		assertNoConnectionBeforeProbe();
	}

	@ParameterizedTest
	@ValueSource(strings = {"10.0.0.1", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1", "[fc00::1]",
		"[fe80::1]", "[64:ff9b::a00:1]", "[2002:c0a8:101::1]", "224.0.0.1", "255.255.255.255", "240.0.0.1"})
	void shouldRefusePrivateAndReservedAddresses(String host) {
		Failed failed = failed(fetcher.fetch(URI.create("http://" + host + "/")));

		assertThat(failed.reason()).isEqualTo(FailureReason.BLOCKED_ADDRESS);
	}

	/**
	 * Connections are accepted in the order they arrive: once a probe connection made now has been accepted, a
	 * connection made by the fetcher earlier would have been accepted before it.
	 */
	private void assertNoConnectionBeforeProbe() throws IOException {
		int probePort;
		try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
			probePort = probe.getLocalPort();
		}
		await().pollInterval(Duration.ofMillis(5)).atMost(Duration.ofSeconds(5))
				.until(() -> server.clientPorts().contains(probePort));
		assertThat(server.clientPorts()).containsExactly(probePort);
	}

	@ParameterizedTest
	@ValueSource(strings = {"http://example.org:22/", "http://example.org:8080/", "https://example.org:6379/"})
	void shouldRefusePortsNotAllowed(String url) {
		Failed failed = failed(fetcher.fetch(URI.create(url)));

		assertThat(failed.reason()).isEqualTo(FailureReason.BLOCKED_ADDRESS);
		assertThat(failed.detail()).startsWith("port ");
	}
}
