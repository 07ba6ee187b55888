package org.veille.link.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
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

class PageFetcherTests {

	@RegisterExtension
	final OutboundClients clients = new OutboundClients();

	private LocalHttpServer server;
	private PageFetcher fetcher;

	@BeforeEach
	void startServer() {
		server = LocalHttpServer.start();
		fetcher = new PageFetcher(Fixtures.localSettings(), clients.client(OutboundTesting.ports(true, server.port())));
	}

	@AfterEach
	void stopServer() {
		server.close();
	}

	@Test
	void shouldReadOpenGraphOnlyPage() {
		server.fixture("/tides", "text/html; charset=utf-8", "open-graph-only.html");

		Fetched fetched = fetched(fetcher.fetch(server.uri("/tides")));

		assertThat(fetched.status()).isEqualTo(200);
		assertThat(fetched.contentType()).isEqualTo("text/html");
		assertThat(fetched.charset()).isEqualTo(StandardCharsets.UTF_8);
		assertThat(fetched.isHtml()).isTrue();
		PageMetadata metadata = fetched.metadata();
		assertThat(metadata.title()).isEqualTo("The tide tables of Saint-Malo");
		assertThat(metadata.description()).isEqualTo("When the sea goes out a long way, and why.");
		assertThat(metadata.imageUrl()).isEqualTo(URI.create("https://cdn.example.org/images/tide.jpg"));
		assertThat(metadata.siteName()).isEqualTo("Coastal Notes");
		assertThat(metadata.canonicalUrl()).isEqualTo(URI.create("https://coastal.example.org/tides/saint-malo"));
		assertThat(metadata.language()).isEqualTo("fr-FR");
		assertThat(metadata.faviconUrl()).isEqualTo(server.uri("/favicon.ico"));
	}

	@Test
	void shouldReadTwitterCardOnlyPage() {
		server.fixture("/lichens", "text/html", "twitter-card-only.html");

		PageMetadata metadata = fetched(fetcher.fetch(server.uri("/lichens"))).metadata();

		assertThat(metadata.title()).isEqualTo("A field guide to lichens");
		assertThat(metadata.description()).isEqualTo("Crusts, leaves and beards on old stones.");
		assertThat(metadata.imageUrl()).isEqualTo(URI.create("https://img.example.net/lichen.png"));
		assertThat(metadata.siteName()).isNull();
		assertThat(metadata.canonicalUrl()).isNull();
	}

	@Test
	void shouldFallBackToTitleElement() {
		server.fixture("/plain", "text/html", "title-only.html");

		PageMetadata metadata = fetched(fetcher.fetch(server.uri("/plain"))).metadata();

		assertThat(metadata.title()).isEqualTo("Only a title here");
		assertThat(metadata.description()).isNull();
		assertThat(metadata.imageUrl()).isNull();
		assertThat(metadata.language()).isNull();
	}

	@Test
	void shouldMakeRelativeUrlsAbsoluteAgainstFinalUrl() {
		server.fixture("/blog/posts/relative", "text/html", "relative-urls.html");

		PageMetadata metadata = fetched(fetcher.fetch(server.uri("/blog/posts/relative"))).metadata();

		assertThat(metadata.imageUrl()).isEqualTo(server.uri("/media/cover.png"));
		assertThat(metadata.canonicalUrl()).isEqualTo(server.uri("/blog/articles/relative-things"));
		assertThat(metadata.faviconUrl()).isEqualTo(server.uri("/blog/posts/static/icon.png"));
		assertThat(metadata.language()).isEqualTo("en-GB");
	}

	@Test
	void shouldDecodeWindows1252DeclaredInHeaderOverMetaTag() {
		server.fixture("/cafe", "text/html; charset=windows-1252", "windows-1252-meta-claims-utf8.html");

		Fetched fetched = fetched(fetcher.fetch(server.uri("/cafe")));

		assertThat(fetched.metadata().title()).isEqualTo("Café crème à 2 €");
		assertThat(fetched.charset().name()).isEqualTo("windows-1252");
	}

	@Test
	void shouldDecodeWindows1252DeclaredInMetaTag() {
		server.fixture("/cafe", "text/html", "windows-1252-meta.html");

		assertThat(fetched(fetcher.fetch(server.uri("/cafe"))).metadata().title()).isEqualTo("Café crème à 2 €");
	}

	@Test
	void shouldDetectUndeclaredWindows1252() {
		server.fixture("/cafe", "text/html", "windows-1252-undeclared.html");

		Fetched fetched = fetched(fetcher.fetch(server.uri("/cafe")));

		assertThat(fetched.metadata().title()).isEqualTo("Café crème à 2 €");
		assertThat(fetched.charset().name()).isEqualTo("windows-1252");
	}

	@Test
	void shouldStillFindTitleInBrokenHtml() {
		server.fixture("/broken", "text/html", "broken.html");

		assertThat(fetched(fetcher.fetch(server.uri("/broken"))).metadata().title()).isEqualTo("Still a title");
	}

	@Test
	void shouldTreatUndeclaredHtmlAsPage() {
		server.route("/untyped", exchange -> {
			byte[] body = Fixtures.bytes("title-only.html");
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});

		Fetched fetched = fetched(fetcher.fetch(server.uri("/untyped")));

		assertThat(fetched.contentType()).isNull();
		assertThat(fetched.metadata().title()).isEqualTo("Only a title here");
	}

	@Test
	void shouldKeepTypeAndSizeOfPdfWithoutMetadata() {
		byte[] pdf = fakeBinary("%PDF-1.7\n", 300_000);
		server.content("/report.pdf", "application/pdf", pdf);

		Fetched fetched = fetched(fetcher.fetch(server.uri("/report.pdf")));

		assertThat(fetched.contentType()).isEqualTo("application/pdf");
		assertThat(fetched.sizeBytes()).isEqualTo(300_000);
		assertThat(fetched.metadata()).isNull();
		assertThat(fetched.charset()).isNull();
		assertThat(fetched.body()).isEmpty();
	}

	@Test
	void shouldKeepTypeAndSizeOfPngWithoutMetadata() {
		byte[] png = fakeBinary("\u0089PNG\r\n\u001a\n", 1234);
		server.content("/map.png", "image/png", png);

		Fetched fetched = fetched(fetcher.fetch(server.uri("/map.png")));

		assertThat(fetched.contentType()).isEqualTo("image/png");
		assertThat(fetched.sizeBytes()).isEqualTo(1234);
		assertThat(fetched.metadata()).isNull();
	}

	@Test
	void shouldCountSizeOfChunkedNonHtmlBody() {
		server.route("/data.json", exchange -> {
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, 0);
			exchange.getResponseBody().write("{\"tides\": [1, 2, 3]}".getBytes(StandardCharsets.UTF_8));
			exchange.close();
		});

		Fetched fetched = fetched(fetcher.fetch(server.uri("/data.json")));

		assertThat(fetched.contentType()).isEqualTo("application/json");
		assertThat(fetched.sizeBytes()).isEqualTo(20);
	}

	@ParameterizedTest
	@ValueSource(ints = {404, 500})
	void shouldReportErrorStatusWithItsCode(int status) {
		server.status("/error", status);

		Failed failed = failed(fetcher.fetch(server.uri("/error")));

		assertThat(failed.reason()).isEqualTo(FailureReason.HTTP_STATUS);
		assertThat(failed.detail()).startsWith(String.valueOf(status));
	}

	@Test
	void shouldSendHonestUserAgentAndAskForCompression() {
		server.fixture("/plain", "text/html", "title-only.html");

		fetcher.fetch(server.uri("/plain"));

		assertThat(server.requestHeaders()).singleElement().satisfies(headers -> {
			assertThat(headers.getFirst("User-Agent")).isEqualTo("Veille-test/1.0");
			assertThat(headers.getFirst("Accept-Encoding")).isEqualTo("gzip, deflate");
			assertThat(headers.getFirst("Host")).isEqualTo("127.0.0.1:" + server.port());
		});
	}

	@Test
	void shouldConnectToResolvedAddressAndSendHostNameInHostHeader() {
		server.fixture("/plain", "text/html", "title-only.html");
		AddressResolver fakeDns = host -> List.of(InetAddress.getLoopbackAddress());
		PageFetcher viaName = new PageFetcher(Fixtures.localSettings(), clients.client(
				OutboundTesting.ports(true, server.port()), new AddressGuard(fakeDns, AddressPolicy.anyAddress())));

		Fetched fetched = fetched(viaName.fetch(URI.create("http://news.veille.test:" + server.port() + "/plain")));

		assertThat(fetched.metadata().title()).isEqualTo("Only a title here");
		assertThat(server.requestHeaders().get(0).getFirst("Host")).isEqualTo("news.veille.test:" + server.port());
	}

	@Test
	void shouldReturnImageBytesForThumbnail() {
		byte[] png = fakeBinary("\u0089PNG\r\n\u001a\n", 5000);
		server.content("/cover.png", "image/png", png);

		Fetched fetched = fetched(fetcher.fetchImage(server.uri("/cover.png")));

		assertThat(fetched.contentType()).isEqualTo("image/png");
		assertThat(fetched.body()).isEqualTo(png);
	}

	@Test
	void shouldRefuseImageThatIsNotAnImage() {
		server.fixture("/cover.png", "text/html", "title-only.html");

		assertThat(failed(fetcher.fetchImage(server.uri("/cover.png"))).reason())
				.isEqualTo(FailureReason.UNSUPPORTED_CONTENT_TYPE);
	}

	@ParameterizedTest
	@ValueSource(strings = {"ftp://example.org/file", "file:///etc/passwd", "mailto:someone@example.org", "/relative"})
	void shouldRefuseUrlsThatAreNotAbsoluteHttp(String url) {
		assertThat(failed(fetcher.fetch(URI.create(url))).reason()).isEqualTo(FailureReason.BAD_URL);
	}

	static Fetched fetched(FetchOutcome outcome) {
		assertThat(outcome).isInstanceOf(Fetched.class);
		return (Fetched) outcome;
	}

	static Failed failed(FetchOutcome outcome) {
		assertThat(outcome).isInstanceOf(Failed.class);
		return (Failed) outcome;
	}

	private static byte[] fakeBinary(String magic, int size) {
		byte[] bytes = new byte[size];
		Arrays.fill(bytes, (byte) 0x5a);
		byte[] header = magic.getBytes(StandardCharsets.ISO_8859_1);
		System.arraycopy(header, 0, bytes, 0, header.length);
		return bytes;
	}
}
