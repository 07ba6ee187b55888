package org.veille.link.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.veille.link.fetch.PageFetcherTests.failed;
import static org.veille.link.fetch.PageFetcherTests.fetched;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIMatcher;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.veille.link.fetch.FetchOutcome.Fetched;
import org.veille.outbound.AddressGuard;
import org.veille.outbound.AddressPolicy;
import org.veille.outbound.OutboundClients;
import org.veille.outbound.OutboundProperties;
import org.veille.outbound.OutboundTesting;

/**
 * https against a local server whose self-signed certificate names {@code veille.test}; fake DNS sends every name
 * to 127.0.0.1, and the fetcher trusts that certificate only where a test says so.
 */
class PageFetcherTlsTests {

	private static final char[] PASSWORD = "changeit".toCharArray();
	private static final List<String> serverNames = new CopyOnWriteArrayList<>();
	private static final ExecutorService executor = Executors.newCachedThreadPool();
	private static HttpsServer server;
	private static SSLContext trustingTestCertificate;

	@RegisterExtension
	final OutboundClients clients = new OutboundClients();

	@BeforeAll
	static void startServer(@TempDir Path directory) throws Exception {
		KeyStore keyStore = selfSignedKeyStore(directory.resolve("server.p12"));
		KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
		keys.init(keyStore, PASSWORD);
		SSLContext serverContext = SSLContext.getInstance("TLS");
		serverContext.init(keys.getKeyManagers(), null, null);
		TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		trust.init(keyStore);
		trustingTestCertificate = SSLContext.getInstance("TLS");
		trustingTestCertificate.init(null, trust.getTrustManagers(), null);

		server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.setHttpsConfigurator(new RecordingServerNames(serverContext));
		server.createContext("/", exchange -> {
			byte[] page = Fixtures.bytes("title-only.html");
			exchange.getResponseHeaders().set("Content-Type", "text/html");
			exchange.sendResponseHeaders(200, page.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(page);
			}
		});
		server.setExecutor(executor);
		server.start();
	}

	@AfterAll
	static void stopServer() {
		server.stop(0);
		executor.shutdownNow();
	}

	@Test
	void shouldFetchOverTlsSendingServerName() {
		PageFetcher fetcher = fetcher(trustingTestCertificate);

		Fetched fetched = fetched(fetcher.fetch(uri("veille.test")));

		assertThat(fetched.metadata().title()).isEqualTo("Only a title here");
		assertThat(serverNames).contains("veille.test");
	}

	@Test
	void shouldRefuseCertificateForAnotherHost() {
		PageFetcher fetcher = fetcher(trustingTestCertificate);

		assertThat(failed(fetcher.fetch(uri("other.test"))).reason()).isEqualTo(FailureReason.TLS);
	}

	@Test
	void shouldRefuseCertificateFromUnknownAuthority() {
		PageFetcher fetcher = new PageFetcher(Fixtures.localSettings(), clients.client(settings(), fakeDnsGuard()));

		assertThat(failed(fetcher.fetch(uri("veille.test"))).reason()).isEqualTo(FailureReason.TLS);
	}

	private PageFetcher fetcher(SSLContext tls) {
		return new PageFetcher(Fixtures.localSettings(), clients.client(settings(), fakeDnsGuard(), tls));
	}

	private static OutboundProperties settings() {
		return OutboundTesting.ports(true, server.getAddress().getPort());
	}

	private static AddressGuard fakeDnsGuard() {
		return new AddressGuard(host -> List.of(InetAddress.getLoopbackAddress()), AddressPolicy.anyAddress());
	}

	private static URI uri(String host) {
		return URI.create("https://" + host + ":" + server.getAddress().getPort() + "/");
	}

	private static KeyStore selfSignedKeyStore(Path file) throws Exception {
		Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
		Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "veille", "-keyalg", "EC",
				"-groupname", "secp256r1", "-dname", "CN=veille.test", "-ext", "SAN=dns:veille.test", "-validity", "2",
				"-keystore", file.toString(), "-storetype", "PKCS12", "-storepass", new String(PASSWORD), "-keypass",
				new String(PASSWORD))
			.redirectErrorStream(true)
			.start();
		process.getInputStream().transferTo(OutputStream.nullOutputStream());
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).isZero();
		KeyStore keyStore = KeyStore.getInstance("PKCS12");
		try (InputStream in = Files.newInputStream(file)) {
			keyStore.load(in, PASSWORD);
		}
		return keyStore;
	}

	/** Accepts every server name the client sends, and writes it down. */
	private static final class RecordingServerNames extends HttpsConfigurator {

		RecordingServerNames(SSLContext context) {
			super(context);
		}

		@Override
		public void configure(HttpsParameters parameters) {
			SSLParameters ssl = getSSLContext().getDefaultSSLParameters();
			ssl.setSNIMatchers(List.of(new SNIMatcher(0) {
				@Override
				public boolean matches(SNIServerName name) {
					serverNames.add(((SNIHostName) name).getAsciiName());
					return true;
				}
			}));
			parameters.setSSLParameters(ssl);
		}
	}
}
