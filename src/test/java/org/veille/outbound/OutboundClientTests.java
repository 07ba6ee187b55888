package org.veille.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The client against misbehaving local servers speaking raw bytes: what HttpClient parses for us is still bounded
 * and refused as before the hand-written client went, connections are kept alive and bounded per host, and one
 * deadline ends an exchange however slowly the other side sends.
 */
class OutboundClientTests {

	private static final byte[] PAGE =
			"<html><head><title>Tides</title></head></html>".getBytes(StandardCharsets.US_ASCII);

	@RegisterExtension
	final OutboundClients clients = new OutboundClients();

	private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

	private final OutboundClient client = this.clients.client(OutboundTesting.local());

	@AfterEach
	void stopScheduler() {
		this.scheduler.shutdownNow();
	}

	@Test
	void shouldJoinChunksAndDropExtensionsAndTrailers() throws IOException {
		String chunked = "5;name=value\r\nHello\r\n7\r\n, tides\r\n0\r\nExpires: never\r\n\r\n";

		assertThat(bodyOf(reply(head("Transfer-Encoding: chunked") + chunked))).isEqualTo("Hello, tides");
	}

	@ParameterizedTest
	@ValueSource(strings = { "zz\r\nabc\r\n0\r\n\r\n", "5\r\nabc", "3\r\nabcX\r\n0\r\n\r\n",
			"fffffffffffffffff\r\n" })
	void shouldRefuseMalformedChunks(String body) {
		assertThatExceptionOfType(IOException.class)
			.isThrownBy(() -> bodyOf(reply(head("Transfer-Encoding: chunked") + body)));
	}

	@Test
	void shouldGunzip() throws IOException {
		ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
		try (GZIPOutputStream gzip = new GZIPOutputStream(gzipped)) {
			gzip.write(PAGE);
		}

		assertThat(bodyOf(reply(head("Content-Encoding: gzip"), gzipped.toByteArray()))).isEqualTo(ascii(PAGE));
	}

	@ParameterizedTest
	@ValueSource(booleans = { true, false })
	void shouldInflateZlibAndRawDeflate(boolean raw) throws IOException {
		ByteArrayOutputStream deflated = new ByteArrayOutputStream();
		try (DeflaterOutputStream deflate = new DeflaterOutputStream(deflated, new Deflater(6, raw))) {
			deflate.write(PAGE);
		}

		assertThat(bodyOf(reply(head("Content-Encoding: deflate"), deflated.toByteArray()))).isEqualTo(ascii(PAGE));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "garbage\r\n\r\n", "HTTP/1.1 200 OK\r\nContent-Encoding: br\r\n\r\n?",
			"HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nHello!",
			"HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n?" })
	void shouldRefuseMalformedAnswers(String answer) {
		assertThatExceptionOfType(IOException.class).isThrownBy(() -> bodyOf(reply(answer)));
	}

	@Test
	void shouldRefuseEndlessHeaderLinesAndEndlessHeaders() {
		String longLine = "HTTP/1.1 200 OK\r\nX-Endless: " + "a".repeat(100_000) + "\r\n\r\n";
		String manyLines = "HTTP/1.1 200 OK\r\n" + "X-Many: yes\r\n".repeat(10_000) + "\r\n";

		assertThatExceptionOfType(IOException.class).isThrownBy(() -> bodyOf(reply(longLine)));
		assertThatExceptionOfType(IOException.class).isThrownBy(() -> bodyOf(reply(manyLines)));
	}

	@Test
	void shouldSkipInterimAnswers() throws IOException {
		String answers = "HTTP/1.1 103 Early Hints\r\nLink: </style.css>; rel=preload\r\n\r\n"
				+ "HTTP/1.1 100 Continue\r\n\r\n" + head("Content-Length: 2") + "ok";

		assertThat(bodyOf(reply(answers))).isEqualTo("ok");
	}

	@Test
	void shouldKeepAConnectionReadToItsEndForTheNextRequest() throws IOException {
		try (RawServer server = RawServer.start(OutboundClientTests::answerOkForever)) {
			for (int i = 0; i < 3; i++) {
				try (OutboundResponse response = get(server, "/" + i, Deadline.after(Duration.ofSeconds(5)))) {
					assertThat(response.read(100).complete()).isTrue();
				}
			}

			assertThat(server.clientPorts()).hasSize(1);
		}
	}

	@Test
	void shouldDropAConnectionWhoseBodyWasNotReadToItsEnd() throws IOException {
		try (RawServer server = RawServer.start(OutboundClientTests::answerOkForever)) {
			try (OutboundResponse response = get(server, "/first", Deadline.after(Duration.ofSeconds(5)))) {
				assertThat(response.read(1).complete()).isFalse();
			}
			try (OutboundResponse response = get(server, "/second", Deadline.after(Duration.ofSeconds(5)))) {
				assertThat(response.read(100).complete()).isTrue();
			}

			assertThat(server.clientPorts()).hasSize(2);
		}
	}

	@Test
	void shouldOpenNoMoreConnectionsToOneHostThanAllowed() throws IOException {
		OutboundProperties local = OutboundTesting.local();
		OutboundClient oneByHost = this.clients.client(new OutboundProperties(true, local.allowedPorts(),
				local.connectTimeout(), 1, 10, local.userAgent()));
		try (RawServer server = RawServer.start(OutboundClientTests::answerOkForever);
				OutboundResponse held = oneByHost.get(server.uri("/held"), Map.of(), 0,
						Deadline.after(Duration.ofSeconds(5)))) {

			assertThatExceptionOfType(SocketTimeoutException.class).isThrownBy(() -> oneByHost
				.get(server.uri("/waits"), Map.of(), 0, Deadline.after(Duration.ofMillis(500))));
			assertThat(server.clientPorts()).hasSize(1);
			assertThat(held.status()).isEqualTo(200);
		}
	}

	/** A server sends the head, then one byte a second from a scheduler: only the deadline ends the exchange. */
	@Test
	void shouldCutABodyTricklingOneBytePerSecondAtTheDeadline() throws IOException {
		AtomicBoolean hungUp = new AtomicBoolean();
		AtomicInteger sent = new AtomicInteger();
		try (RawServer trickling = RawServer.start((socket) -> {
			readRequestHead(socket.getInputStream());
			OutputStream out = socket.getOutputStream();
			out.write(head("Content-Length: 1000").getBytes(StandardCharsets.US_ASCII));
			out.flush();
			this.scheduler.scheduleAtFixedRate(() -> {
				try {
					out.write('z');
					out.flush();
					sent.incrementAndGet();
				}
				catch (IOException ex) {
					hungUp.set(true);
					throw new IllegalStateException("the client hung up", ex);
				}
			}, 0, 1, TimeUnit.SECONDS);
		})) {
			long start = System.nanoTime();

			assertThatExceptionOfType(SocketTimeoutException.class).isThrownBy(() -> {
				try (OutboundResponse response = get(trickling, "/", Deadline.after(Duration.ofSeconds(2)))) {
					response.read(1000);
				}
			});

			assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(1900),
					Duration.ofSeconds(4));
			assertThat(sent.get()).isBetween(1, 4);
			await().atMost(Duration.ofSeconds(5)).untilTrue(hungUp);
		}
	}

	@Test
	void shouldCutAHeadTricklingOneBytePerSecondAtTheDeadline() throws IOException {
		byte[] head = head("Content-Length: 2").getBytes(StandardCharsets.US_ASCII);
		try (RawServer trickling = RawServer.start((socket) -> {
			readRequestHead(socket.getInputStream());
			OutputStream out = socket.getOutputStream();
			AtomicInteger next = new AtomicInteger();
			this.scheduler.scheduleAtFixedRate(() -> {
				try {
					out.write(head[next.getAndIncrement() % head.length]);
					out.flush();
				}
				catch (IOException ex) {
					throw new IllegalStateException("the client hung up", ex);
				}
			}, 0, 1, TimeUnit.SECONDS);
		})) {
			long start = System.nanoTime();

			assertThatExceptionOfType(SocketTimeoutException.class)
				.isThrownBy(() -> get(trickling, "/", Deadline.after(Duration.ofSeconds(2))).close());

			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
		}
	}

	/** The guard is asked once per connection, and the connection goes to the very address it accepted. */
	@Test
	void shouldConnectOnlyToTheAddressTheGuardChecked() throws Exception {
		InetAddress standIn = InetAddress.getByAddress(new byte[] { 127, 0, 0, 2 });
		List<String> lookups = new CopyOnWriteArrayList<>();
		try (RawServer loopback = RawServer.start(OutboundClientTests::answerOkForever);
				RawServer checked = RawServer.start(standIn, OutboundClientTests::answerOkForever)) {
			AddressGuard guard = new AddressGuard((host) -> {
				lookups.add(host);
				return List.of(standIn);
			}, (address) -> address.equals(standIn));
			OutboundClient guarded = this.clients.client(OutboundTesting.local(), guard);
			URI uri = URI.create("http://rebinding.test:" + checked.port() + "/");

			try (OutboundResponse response = guarded.get(uri, Map.of(), 0, Deadline.after(Duration.ofSeconds(5)))) {
				assertThat(response.read(100).bytes()).asString(StandardCharsets.US_ASCII).isEqualTo("ok");
			}

			assertThat(lookups).containsExactly("rebinding.test");
			assertThat(checked.clientPorts()).hasSize(1);
			assertThat(loopback.clientPorts()).isEmpty();
		}
	}

	@Test
	void shouldAskTheGuardForTheAsciiFormOfAnInternationalizedName() throws Exception {
		List<String> lookups = new CopyOnWriteArrayList<>();
		try (RawServer server = RawServer.start(OutboundClientTests::answerOkForever)) {
			AddressGuard guard = new AddressGuard((host) -> {
				lookups.add(host);
				return List.of(InetAddress.getLoopbackAddress());
			}, AddressPolicy.anyAddress());
			OutboundClient guarded = this.clients.client(OutboundTesting.local(), guard);
			URI uri = new URI("http://café.test:" + server.port() + "/menu");

			guarded.get(uri, Map.of(), 0, Deadline.after(Duration.ofSeconds(5))).close();

			assertThat(lookups).containsExactly("xn--caf-dma.test");
		}
	}

	@Test
	void shouldRefuseAPortOutsideThePolicyBeforeAnyConnection() throws IOException {
		try (RawServer server = RawServer.start(OutboundClientTests::answerOkForever)) {
			OutboundClient onlyWebPorts = this.clients.client(OutboundTesting.ports(true));

			assertThatExceptionOfType(RefusedRequestException.class)
				.isThrownBy(() -> onlyWebPorts.get(server.uri("/"), Map.of(), 0, Deadline.after(Duration.ofSeconds(1))))
				.satisfies((refused) -> assertThat(refused.reason()).isEqualTo(RefusedRequestException.Reason.BLOCKED_PORT));
			assertThat(server.clientPorts()).isEmpty();
		}
	}

	@Test
	void shouldPostABodyAndNotFollowTheRedirectAnsweringIt() throws IOException {
		List<String> requests = new CopyOnWriteArrayList<>();
		try (RawServer server = RawServer.start((socket) -> {
			try (socket) {
				InputStream in = socket.getInputStream();
				String request = readRequestHead(in);
				requests.add(request + new String(in.readNBytes(5), StandardCharsets.US_ASCII));
				socket.getOutputStream().write(("HTTP/1.1 302 Found\r\nLocation: /elsewhere\r\nContent-Length: 0\r\n\r\n")
					.getBytes(StandardCharsets.US_ASCII));
			}
		})) {
			try (OutboundResponse response = this.client.post(server.uri("/callback"),
					Map.of("Content-Type", "text/plain"), "hello".getBytes(StandardCharsets.US_ASCII),
					Deadline.after(Duration.ofSeconds(5)))) {
				assertThat(response.status()).isEqualTo(302);
			}

			assertThat(requests).singleElement().satisfies((request) -> {
				assertThat(request).startsWith("POST /callback HTTP/1.1");
				assertThat(request).contains("Content-Type: text/plain").endsWith("hello");
			});
		}
	}

	private OutboundResponse get(RawServer server, String path, Deadline deadline) throws IOException {
		return this.client.get(server.uri(path), Map.of(), 0, deadline);
	}

	private String bodyOf(RawServer server) throws IOException {
		try (server; OutboundResponse response = get(server, "/", Deadline.after(Duration.ofSeconds(5)))) {
			return ascii(response.read(64 * 1024).bytes());
		}
	}

	private static RawServer reply(String answer) {
		return reply(answer, new byte[0]);
	}

	/** Reads the request head, sends the answer as is, hangs up. */
	private static RawServer reply(String head, byte[] body) {
		return RawServer.start((socket) -> {
			try (socket) {
				readRequestHead(socket.getInputStream());
				OutputStream out = socket.getOutputStream();
				out.write(head.getBytes(StandardCharsets.ISO_8859_1));
				out.write(body);
			}
		});
	}

	private static String head(String header) {
		return "HTTP/1.1 200 OK\r\n" + header + "\r\n\r\n";
	}

	/** Answers "ok" to every request of the connection, keeping it open. */
	private static void answerOkForever(Socket socket) throws IOException {
		try (socket) {
			while (!readRequestHead(socket.getInputStream()).isEmpty()) {
				socket.getOutputStream().write(head("Content-Length: 2").concat("ok").getBytes(StandardCharsets.US_ASCII));
			}
		}
	}

	/** The request's head, empty when the client hung up. */
	private static String readRequestHead(InputStream in) throws IOException {
		StringBuilder head = new StringBuilder();
		for (int b; (b = in.read()) != -1;) {
			head.append((char) b);
			if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
				return head.toString();
			}
		}
		return "";
	}

	private static String ascii(byte[] bytes) {
		return new String(bytes, StandardCharsets.ISO_8859_1);
	}

}
