package org.veille.websub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.env.MockEnvironment;

import org.veille.outbound.AddressGuard;
import org.veille.outbound.AddressPolicy;
import org.veille.outbound.BlockedAddressException;
import org.veille.outbound.OutboundClient;
import org.veille.outbound.OutboundClients;
import org.veille.outbound.OutboundTesting;
import org.veille.outbound.RawServer;
import org.veille.support.IntegrationTest;
import org.veille.support.RawHttp;
import org.veille.web.PublicUrls;
import org.veille.websub.WebSubQueue.Job;

/**
 * What the hub may reach, tried as an attacker would: a callback or topic on a private address is refused by the
 * default policy before any connection (a listener there sees none), a request's {@code Host} header cannot choose
 * a topic, a subscriber's answer costs at most a kilobyte of reading and at most the deadline of waiting.
 *
 * <p>The listeners stand on this machine's own addresses: loopback, and every private or reserved address of its
 * other network interfaces (on a machine with none, loopback alone).
 */
@IntegrationTest
class WebSubReachIntegrationTests {

	@RegisterExtension
	final OutboundClients clients = new OutboundClients();

	@LocalServerPort
	private int port;

	@Autowired
	private WebSubQueue queue;

	@Autowired
	private SubscriptionRequests requests;

	@Autowired
	private SiteBase site;

	@Autowired
	private PublicUrls publicUrls;

	@Autowired
	private OutboundClient localOutbound;

	@Autowired
	private JdbcClient jdbc;

	private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

	private final List<Long> written = new ArrayList<>();

	@AfterEach
	void stopSchedulerAndForgetSubscriptions() {
		this.scheduler.shutdownNow();
		this.written.forEach((id) -> this.jdbc.sql("delete from websub_subscriptions where id = :id").param("id", id)
			.update());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("privateAddressesOfThisMachine")
	void shouldRefuseAPrivateCallbackWithTheDefaultPolicyAndReachNothing(InetAddress address) throws Exception {
		try (RawServer listener = RawServer.start(address, Socket::close)) {
			AddressGuard dns = new AddressGuard((host) -> List.of(address), AddressPolicy.publicInternetOnly());
			WebSubDelivery delivery = new WebSubDelivery(this.queue, this.requests,
					this.clients.client(OutboundTesting.ports(false, listener.port()), dns), this.site);
			String topic = this.site.base() + "/all/feed";

			for (String callback : List.of(listener.uri("/callback").toString(),
					"http://callback.test:" + listener.port() + "/callback")) {
				assertThatExceptionOfType(BlockedAddressException.class)
					.isThrownBy(() -> delivery.verify(verification(topic, callback)));
			}

			assertNoConnectionBeforeProbe(listener, address);
			assertThat(subscriptions(topic, listener.uri("/callback").toString())).isZero();
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("privateAddressesOfThisMachine")
	void shouldRefuseATopicOnAPrivateAddressWithTheDefaultPolicyAndReachNothing(InetAddress address)
			throws Exception {
		try (RawServer site = RawServer.start(address, Socket::close);
				RawServer subscriber = RawServer.start(Socket::close)) {
			// This site, as an operator could set it on a private network: veille.public-url unset, server.address.
			SiteBase privateSite = new SiteBase(this.publicUrls, new MockEnvironment()
				.withProperty("local.server.port", String.valueOf(site.port()))
				.withProperty("server.address", address.getHostAddress()), "");
			OutboundClient defaults = this.clients.client(OutboundTesting.ports(false, site.port(), subscriber.port()));
			WebSubDelivery delivery = new WebSubDelivery(this.queue, this.requests, defaults, privateSite);
			long subscription = subscribe(privateSite.base() + "/all/feed", subscriber.uri("/pushed").toString());

			assertThatExceptionOfType(BlockedAddressException.class).isThrownBy(() -> delivery.deliver(delivery(subscription)));

			assertNoConnectionBeforeProbe(site, address);
			assertThat(subscriber.clientPorts()).isEmpty();
		}
	}

	/** A subscription stored from a forged Host header before topics were checked: its topic is never read. */
	@Test
	void shouldNeverReadAStoredTopicOutsideThisSite() throws Exception {
		try (RawServer internal = RawServer.start(Socket::close);
				RawServer subscriber = RawServer.start(Socket::close)) {
			WebSubDelivery delivery = new WebSubDelivery(this.queue, this.requests, this.localOutbound, this.site);
			long subscription = subscribe(internal.uri("/internal/secret/feed?x=1").toString(),
					subscriber.uri("/pushed").toString());

			assertThat(delivery.deliver(delivery(subscription))).isTrue();

			assertNoConnectionBeforeProbe(internal, InetAddress.getLoopbackAddress());
			assertThat(subscriber.clientPorts()).isEmpty();
		}
	}

	@Test
	void shouldNotLetAHostHeaderChooseTheTopic() throws Exception {
		InetAddress address = privateAddressesOfThisMachine().reduce((first, second) -> second).orElseThrow();
		try (RawServer internal = RawServer.start(address, Socket::close)) {
			String forged = internal.uri("").getAuthority();
			String topic = internal.uri("/internal/secret/feed?x=1").toString();
			String callback = "http://127.0.0.1:" + this.port + "/callback";

			RawHttp.Answer subscribed = hubAs(forged,
					"hub.mode=subscribe&hub.topic=" + encode(topic) + "&hub.callback=" + encode(callback));
			RawHttp.Answer published = hubAs(forged, "hub.mode=publish&hub.url=" + encode(topic));

			assertThat(subscribed.status()).isEqualTo(400);
			assertThat(subscribed.bodyText()).contains("http://127.0.0.1:" + this.port + "/all/feed");
			assertThat(published.status()).isEqualTo(400);
			assertThat(this.jdbc.sql("select count(*) from websub_jobs where topic = :topic")
				.param("topic", topic).query(Long.class).single()).isZero();
			assertNoConnectionBeforeProbe(internal, address);
		}
	}

	@Test
	void shouldAnswerAtOnceThatACallbackIsOutOfReach() {
		OutboundClient defaults = this.clients.client(OutboundTesting.ports(false));
		WebSubHubController hub = new WebSubHubController(this.requests, this.queue, this.site, defaults,
				new WebSubProperties(100, 1000));
		String topic = this.site.base() + "/all/feed";

		ResponseEntity<String> privateAddress = hub.hub("subscribe", topic, null, "http://[fd00::2]/push", null, null);
		ResponseEntity<String> otherPort = hub.hub("subscribe", topic, null, "http://example.org:28997/", null, null);

		assertThat(privateAddress.getStatusCode().value()).isEqualTo(400);
		assertThat(privateAddress.getBody()).contains("hub.callback").contains("fd00::2");
		assertThat(otherPort.getStatusCode().value()).isEqualTo(400);
		assertThat(otherPort.getBody()).contains("port 28997");
	}

	@Test
	void shouldReadAtMostAKilobyteOfAThirtyMebibyteAnswer() throws Exception {
		AtomicLong written = new AtomicLong();
		AtomicBoolean hungUp = new AtomicBoolean();
		try (RawServer flooding = RawServer.start((socket) -> {
			// A small send buffer, so that what the kernel holds does not pass for bytes the hub read.
			socket.setSendBufferSize(64 * 1024);
			try (socket; OutputStream out = socket.getOutputStream()) {
				readRequestHead(socket.getInputStream());
				out.write("HTTP/1.1 200 OK\r\nContent-Length: 31457280\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
				byte[] block = new byte[16 * 1024];
				for (int sent = 0; sent < 30 * 1024 * 1024; sent += block.length) {
					out.write(block);
					written.addAndGet(block.length);
				}
			}
			catch (SocketException ex) {
				hungUp.set(true);
			}
		})) {
			WebSubDelivery delivery = new WebSubDelivery(this.queue, this.requests, this.localOutbound, this.site);
			String callback = flooding.uri("/callback").toString();

			assertThat(delivery.verify(verification(this.site.base() + "/all/feed", callback))).isTrue();

			await().atMost(Duration.ofSeconds(10)).untilTrue(hungUp);
			assertThat(written.get()).isLessThan(2 * 1024 * 1024);
			assertThat(subscriptions(this.site.base() + "/all/feed", callback)).isZero();
		}
	}

	/** The callback sends its head, then a byte a second from a scheduler: the deadline ends the verification. */
	@Test
	void shouldCutATricklingCallbackAtTheDeadline() throws Exception {
		AtomicBoolean hungUp = new AtomicBoolean();
		AtomicInteger sent = new AtomicInteger();
		try (RawServer trickling = RawServer.start((socket) -> {
			readRequestHead(socket.getInputStream());
			OutputStream out = socket.getOutputStream();
			out.write("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
			out.flush();
			this.scheduler.scheduleAtFixedRate(() -> {
				try {
					out.write('7');
					out.flush();
					sent.incrementAndGet();
				}
				catch (IOException ex) {
					hungUp.set(true);
					throw new IllegalStateException("the hub hung up", ex);
				}
			}, 0, 1, TimeUnit.SECONDS);
		})) {
			WebSubDelivery delivery = new WebSubDelivery(this.queue, this.requests, this.localOutbound, this.site,
					Duration.ofSeconds(2));
			long start = System.nanoTime();

			assertThatExceptionOfType(SocketTimeoutException.class).isThrownBy(
					() -> delivery.verify(verification(this.site.base() + "/all/feed", trickling.uri("/").toString())));

			assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(1900),
					Duration.ofSeconds(4));
			await().atMost(Duration.ofSeconds(5)).untilTrue(hungUp);
			assertThat(sent.get()).isLessThan(5);
		}
	}

	/** Loopback, and the private or reserved addresses of this machine's other interfaces (link-local aside). */
	static Stream<InetAddress> privateAddressesOfThisMachine() throws SocketException {
		List<InetAddress> addresses = new ArrayList<>(List.of(InetAddress.getLoopbackAddress()));
		NetworkInterface.networkInterfaces()
			.filter(WebSubReachIntegrationTests::isUp)
			.flatMap(NetworkInterface::inetAddresses)
			.filter((address) -> !address.isLoopbackAddress() && !address.isLinkLocalAddress())
			.filter((address) -> !AddressPolicy.publicInternetOnly().permits(address))
			.map(WebSubReachIntegrationTests::withoutScope)
			.forEach(addresses::add);
		return addresses.stream();
	}

	private static boolean isUp(NetworkInterface network) {
		try {
			return network.isUp() && !network.isLoopback();
		}
		catch (SocketException ex) {
			return false;
		}
	}

	private static InetAddress withoutScope(InetAddress address) {
		try {
			return InetAddress.getByAddress(address.getAddress());
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Connections are accepted in the order they arrive: once a probe connection made now has been accepted, one
	 * made by the hub earlier would have been accepted before it.
	 */
	private static void assertNoConnectionBeforeProbe(RawServer listener, InetAddress address) throws IOException {
		int probePort;
		try (Socket probe = new Socket(address, listener.port())) {
			probePort = probe.getLocalPort();
		}
		await().pollInterval(Duration.ofMillis(5)).atMost(Duration.ofSeconds(5))
			.until(() -> listener.clientPorts().contains(probePort));
		assertThat(listener.clientPorts()).containsExactly(probePort);
	}

	private static Job verification(String topic, String callback) {
		return new Job(0, "verify", null, topic, callback, "subscribe", null, 3600, 0);
	}

	private static Job delivery(long subscription) {
		return new Job(0, "deliver", subscription, null, null, null, null, 0, 0);
	}

	/** A live subscription written straight into the table, as one confirmed earlier. */
	private long subscribe(String topic, String callback) {
		long id = this.jdbc.sql("""
				insert into websub_subscriptions (topic, callback, expires_at, created_at)
				values (:topic, :callback, now() + interval '1 hour', now()) returning id
				""").param("topic", topic).param("callback", callback).query(Long.class).single();
		this.written.add(id);
		return id;
	}

	private long subscriptions(String topic, String callback) {
		return this.jdbc.sql("select count(*) from websub_subscriptions where topic = :topic and callback = :callback")
			.param("topic", topic)
			.param("callback", callback)
			.query(Long.class)
			.single();
	}

	private RawHttp.Answer hubAs(String host, String form) throws IOException {
		return RawHttp.exchange(this.port, "POST /websub/hub HTTP/1.1\r\nHost: " + host
				+ "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: "
				+ form.getBytes(StandardCharsets.UTF_8).length + "\r\nConnection: close\r\n\r\n" + form);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static void readRequestHead(InputStream in) throws IOException {
		int matched = 0;
		for (int b; matched < 4 && (b = in.read()) != -1;) {
			matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
		}
	}

}
