package org.veille.link.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.veille.link.fetch.PageFetcherTests.failed;
import static org.veille.link.fetch.PageFetcherTests.fetched;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.veille.link.fetch.FetchOutcome.Failed;
import org.veille.link.fetch.FetchOutcome.Fetched;
import org.veille.outbound.AddressGuard;
import org.veille.outbound.AddressPolicy;
import org.veille.outbound.AddressResolver;
import org.veille.outbound.OutboundClients;
import org.veille.outbound.OutboundTesting;
import org.veille.outbound.RawServer;

class PageFetcherLimitsTests {

	@RegisterExtension
	final OutboundClients clients = new OutboundClients();

	private static final int TEN_MIB = 10 * 1024 * 1024;
	private static byte[] gzippedZeros;
	private static byte[] gzippedHtmlBomb;

	private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
	private LocalHttpServer server;
	private PageFetcher fetcher;

	@BeforeAll
	static void compressBombs() throws IOException {
		gzippedZeros = gzip(new byte[0], 50 * 1024 * 1024);
		gzippedHtmlBomb = gzip("<html><head><title>Bomb</title>".getBytes(StandardCharsets.US_ASCII), 50 * 1024 * 1024);
	}

	@BeforeEach
	void startServer() {
		server = LocalHttpServer.start();
		fetcher = localFetcher(Duration.ofSeconds(3), server.port());
	}

	@AfterEach
	void stopServers() {
		server.close();
		scheduler.shutdownNow();
	}

	@Test
	void shouldParseFirstBytesOfHugePageWithoutReadingItWhole() throws IOException {
		AtomicLong served = new AtomicLong();
		AtomicBoolean finished = new AtomicBoolean();
		try (RawServer huge = RawServer.start(socket -> {
			// A small fixed send buffer, so that what the kernel buffers does not count as read by the fetcher.
			socket.setSendBufferSize(64 * 1024);
			try (socket; OutputStream out = socket.getOutputStream()) {
				socket.getInputStream().read(new byte[8192]);
				out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: " + TEN_MIB + "\r\n\r\n")
						.getBytes(StandardCharsets.US_ASCII));
				byte[] page = hugePage();
				for (int offset = 0; offset < page.length; offset += 16 * 1024) {
					out.write(page, offset, 16 * 1024);
					served.addAndGet(16 * 1024);
				}
			}
			finally {
				finished.set(true);
			}
		})) {
			PageFetcher fetcher = localFetcher(Duration.ofSeconds(3), huge.port());

			Fetched fetched = fetched(fetcher.fetch(URI.create("http://127.0.0.1:" + huge.port() + "/")));

			assertThat(fetched.metadata().title()).isEqualTo("A huge head");
			assertThat(fetched.sizeBytes()).isEqualTo(TEN_MIB);
			await().atMost(Duration.ofSeconds(5)).untilTrue(finished);
			assertThat(served.get()).isLessThan(TEN_MIB / 2);
		}
	}

	@Test
	void shouldRefuseNonHtmlBodyLargerThanLimitWhenSizeUndeclared() {
		server.route("/dump.bin", exchange -> {
			exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
			exchange.sendResponseHeaders(200, 0);
			try (OutputStream out = exchange.getResponseBody()) {
				for (int sent = 0; sent < TEN_MIB; sent += 64 * 1024) {
					out.write(new byte[64 * 1024]);
				}
			}
			catch (IOException expected) {
				// The fetcher hung up.
			}
		});

		Failed failed = failed(fetcher.fetch(server.uri("/dump.bin")));

		assertThat(failed.reason()).isEqualTo(FailureReason.TOO_LARGE);
	}

	@Test
	void shouldStopGzipBombAtLimit() {
		serveGzipped("/bomb.bin", "application/octet-stream", gzippedZeros);

		assertThat(failed(fetcher.fetch(server.uri("/bomb.bin"))).reason()).isEqualTo(FailureReason.TOO_LARGE);
	}

	@Test
	void shouldParseHeadOfGzipBombPageWithinLimit() {
		serveGzipped("/bomb.html", "text/html", gzippedHtmlBomb);

		Fetched fetched = fetched(fetcher.fetch(server.uri("/bomb.html")));

		assertThat(fetched.metadata().title()).isEqualTo("Bomb");
		assertThat(fetched.sizeBytes()).isEqualTo(FetchOutcome.UNKNOWN_SIZE);
	}

	@Test
	void shouldRefuseImageLargerThanLimit() {
		server.content("/poster.jpg", "image/jpeg", new byte[(int) Fixtures.BODY_LIMIT + 1]);

		assertThat(failed(fetcher.fetchImage(server.uri("/poster.jpg"))).reason()).isEqualTo(FailureReason.TOO_LARGE);
	}

	@Test
	void shouldGiveUpOnServerThatDripsBytesPastTotalDeadline() throws IOException {
		AtomicInteger dripped = new AtomicInteger();
		try (RawServer dripping = RawServer.start(socket -> {
			OutputStream out = socket.getOutputStream();
			out.write("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><head><title>"
					.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			// Each byte comes well within any per-read timeout; only the deadline for the whole fetch ends this.
			scheduler.scheduleAtFixedRate(() -> {
				try {
					out.write('z');
					out.flush();
					dripped.incrementAndGet();
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}, 0, 100, TimeUnit.MILLISECONDS);
		})) {
			PageFetcher impatient = localFetcher(Duration.ofSeconds(1), dripping.port());
			long start = System.nanoTime();

			Failed failed = failed(impatient.fetch(URI.create("http://127.0.0.1:" + dripping.port() + "/")));

			assertThat(failed.reason()).isEqualTo(FailureReason.TIMEOUT);
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(900),
					Duration.ofSeconds(3));
			assertThat(dripped.get()).isGreaterThan(3);
		}
	}

	@Test
	void shouldGiveUpOnSilentServer() throws IOException {
		try (RawServer silent = RawServer.start(socket -> socket.getInputStream().readAllBytes())) {
			PageFetcher impatient = localFetcher(Duration.ofMillis(500), silent.port());

			Failed failed = failed(impatient.fetch(URI.create("http://127.0.0.1:" + silent.port() + "/")));

			assertThat(failed.reason()).isEqualTo(FailureReason.TIMEOUT);
		}
	}

	@Test
	void shouldReportRefusedConnection() throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		PageFetcher toClosedPort = localFetcher(Duration.ofSeconds(3), closedPort);

		Failed failed = failed(toClosedPort.fetch(URI.create("http://127.0.0.1:" + closedPort + "/")));

		assertThat(failed.reason()).isEqualTo(FailureReason.REFUSED);
	}

	@Test
	void shouldReportUnresolvableHost() {
		AddressResolver fakeDns = host -> {
			throw new UnknownHostException(host);
		};
		PageFetcher withFakeDns = new PageFetcher(Fixtures.localSettings(),
				clients.client(OutboundTesting.ports(true), new AddressGuard(fakeDns, AddressPolicy.anyAddress())));

		Failed failed = failed(withFakeDns.fetch(URI.create("http://something.invalid/")));

		assertThat(failed.reason()).isEqualTo(FailureReason.DNS);
		assertThat(failed.detail()).contains("something.invalid");
	}

	@Test
	void shouldReportTlsFailureWhenServerDoesNotSpeakTls() throws IOException {
		try (RawServer plain = RawServer.start(RawServerReplies.reply("HTTP/1.1 400 Bad Request\r\n\r\n"))) {
			PageFetcher tls = localFetcher(Duration.ofSeconds(3), plain.port());

			Failed failed = failed(tls.fetch(URI.create("https://127.0.0.1:" + plain.port() + "/")));

			assertThat(failed.reason()).isEqualTo(FailureReason.TLS);
		}
	}

	@Test
	void shouldReportProtocolErrorForGarbageResponse() throws IOException {
		try (RawServer garbage = RawServer.start(RawServerReplies.reply("SSH-2.0-OpenSSH_9.6\r\n"))) {
			PageFetcher plain = localFetcher(Duration.ofSeconds(3), garbage.port());

			Failed failed = failed(plain.fetch(URI.create("http://127.0.0.1:" + garbage.port() + "/")));

			assertThat(failed.reason()).isEqualTo(FailureReason.PROTOCOL);
		}
	}

	private PageFetcher localFetcher(Duration totalTimeout, int port) {
		return new PageFetcher(Fixtures.localSettings(totalTimeout), clients.client(OutboundTesting.ports(true, port)));
	}

	private void serveGzipped(String path, String contentType, byte[] gzipped) {
		server.route(path, exchange -> {
			exchange.getResponseHeaders().set("Content-Type", contentType);
			exchange.getResponseHeaders().set("Content-Encoding", "gzip");
			exchange.sendResponseHeaders(200, gzipped.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(gzipped);
			}
			catch (IOException expected) {
				// The fetcher hung up.
			}
		});
	}

	/** Ten MiB of head: a title, then meta tags that never end. */
	private static byte[] hugePage() {
		byte[] page = new byte[TEN_MIB];
		byte[] start = "<html><head><title>A huge head</title>\n".getBytes(StandardCharsets.US_ASCII);
		byte[] filler = "<meta name=\"filler\" content=\"a head that never ends\">\n"
				.getBytes(StandardCharsets.US_ASCII);
		System.arraycopy(start, 0, page, 0, start.length);
		for (int offset = start.length; offset < page.length; offset += filler.length) {
			System.arraycopy(filler, 0, page, offset, Math.min(filler.length, page.length - offset));
		}
		return page;
	}

	private static byte[] gzip(byte[] prefix, int zeros) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
			gzip.write(prefix);
			byte[] block = new byte[1024 * 1024];
			for (int written = 0; written < zeros; written += block.length) {
				gzip.write(block);
			}
		}
		return bytes.toByteArray();
	}

	/** Canned replies for {@link RawServer}. */
	static final class RawServerReplies {

		private RawServerReplies() {
		}

		/** Reads the request head, sends the reply as is, hangs up. */
		static RawServer.ConnectionHandler reply(String reply) {
			return (Socket socket) -> {
				try (socket) {
					socket.getInputStream().read(new byte[8192]);
					socket.getOutputStream().write(reply.getBytes(StandardCharsets.ISO_8859_1));
				}
			};
		}
	}
}
