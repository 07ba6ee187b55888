package org.veille.link.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.veille.link.fetch.PageFetcherTests.failed;
import static org.veille.link.fetch.PageFetcherTests.fetched;

import java.net.InetAddress;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.veille.link.fetch.FetchOutcome.Failed;
import org.veille.link.fetch.FetchOutcome.Fetched;
import org.veille.outbound.AddressGuard;
import org.veille.outbound.AddressPolicy;
import org.veille.outbound.AddressResolver;
import org.veille.outbound.OutboundClients;
import org.veille.outbound.OutboundTesting;

class PageFetcherRedirectTests {

	@RegisterExtension
	final OutboundClients clients = new OutboundClients();

	private LocalHttpServer server;
	private PageFetcher fetcher;

	@BeforeEach
	void startServer() {
		server = LocalHttpServer.start();
		server.fixture("/final", "text/html", "title-only.html");
		fetcher = new PageFetcher(Fixtures.localSettings(), clients.client(OutboundTesting.ports(true, server.port())));
	}

	@AfterEach
	void stopServer() {
		server.close();
	}

	@Test
	void shouldFollowThreeRedirectsAndReportFinalUrl() {
		server.redirect("/hop/1", 301, server.uri("/hop/2").toString());
		server.redirect("/hop/2", 302, "/hop/3");
		server.redirect("/hop/3", 308, "../final");

		Fetched fetched = fetched(fetcher.fetch(server.uri("/hop/1")));

		assertThat(fetched.finalUri()).isEqualTo(server.uri("/final"));
		assertThat(fetched.metadata().title()).isEqualTo("Only a title here");
	}

	@ParameterizedTest
	@ValueSource(ints = {301, 302, 303, 307, 308})
	void shouldFollowEveryRedirectStatus(int status) {
		server.redirect("/moved", status, "/final");

		assertThat(fetched(fetcher.fetch(server.uri("/moved"))).finalUri()).isEqualTo(server.uri("/final"));
	}

	@Test
	void shouldFollowFiveRedirectsButNotSix() {
		for (int hop = 1; hop <= 6; hop++) {
			server.redirect("/hop/" + hop, 302, "/hop/" + (hop + 1));
		}
		server.fixture("/hop/7", "text/html", "title-only.html");

		assertThat(fetched(fetcher.fetch(server.uri("/hop/2"))).finalUri()).isEqualTo(server.uri("/hop/7"));
		assertThat(failed(fetcher.fetch(server.uri("/hop/1"))).reason()).isEqualTo(FailureReason.TOO_MANY_REDIRECTS);
	}

	@Test
	void shouldResolveQueryOnlyLocationAgainstCurrentPath() {
		byte[] page = Fixtures.bytes("title-only.html");
		server.route("/search", exchange -> {
			if (exchange.getRequestURI().getRawQuery() == null) {
				exchange.getResponseHeaders().set("Location", "?page=2");
				exchange.sendResponseHeaders(302, -1);
			}
			else {
				exchange.getResponseHeaders().set("Content-Type", "text/html");
				exchange.sendResponseHeaders(200, page.length);
				exchange.getResponseBody().write(page);
			}
			exchange.close();
		});

		assertThat(fetched(fetcher.fetch(server.uri("/search"))).finalUri()).isEqualTo(server.uri("/search?page=2"));
	}

	@Test
	void shouldReportRedirectWithoutLocation() {
		server.status("/nowhere", 302);

		Failed failed = failed(fetcher.fetch(server.uri("/nowhere")));

		assertThat(failed.reason()).isEqualTo(FailureReason.HTTP_STATUS);
		assertThat(failed.detail()).contains("302");
	}

	@Test
	void shouldRefuseRedirectToNonHttpScheme() {
		server.redirect("/sneaky", 302, "file:///etc/passwd");

		assertThat(failed(fetcher.fetch(server.uri("/sneaky"))).reason()).isEqualTo(FailureReason.BAD_URL);
	}

	/**
	 * The first hop must reach the test server on 127.0.0.1, so the guard gets a policy that permits exactly that
	 * address and otherwise only the public internet, as in production: the redirect target is checked like any
	 * other address and refused before any connection.
	 */
	@ParameterizedTest
	@ValueSource(strings = {"10.0.0.1", "127.0.0.2", "[::1]", "169.254.169.254", "internal.veille.test"})
	void shouldRefuseRedirectToPrivateAddress(String host) throws Exception {
		InetAddress testServer = InetAddress.getByName("127.0.0.1");
		AddressPolicy onlyTestServerAndPublic =
				address -> address.equals(testServer) || AddressPolicy.publicInternetOnly().permits(address);
		AddressResolver fakeDns = name -> List.of(InetAddress.getByName("192.168.1.10"));
		PageFetcher guarded = new PageFetcher(Fixtures.localSettings(), clients.client(
				OutboundTesting.ports(true, server.port()), new AddressGuard(fakeDns, onlyTestServerAndPublic)));
		server.redirect("/innocent", 302, "http://" + host + ":" + server.port() + "/admin");

		Failed failed = failed(guarded.fetch(server.uri("/innocent")));

		assertThat(failed.reason()).isEqualTo(FailureReason.BLOCKED_ADDRESS);
		assertThat(server.requestHeaders()).hasSize(1);
	}

	@Test
	void shouldRefuseRedirectToPortNotAllowed() {
		server.redirect("/innocent", 302, "http://127.0.0.1:22/");

		Failed failed = failed(fetcher.fetch(server.uri("/innocent")));

		assertThat(failed.reason()).isEqualTo(FailureReason.BLOCKED_ADDRESS);
		assertThat(failed.detail()).contains("port 22");
	}

	@Test
	void shouldKeepFinalUrlOfRedirectWithSpacesInLocation() {
		server.redirect("/moved", 302, "/final page");
		server.fixture("/final%20page", "text/html", "title-only.html");

		assertThat(fetched(fetcher.fetch(server.uri("/moved"))).finalUri()).isEqualTo(server.uri("/final%20page"));
	}
}
