package org.veille.pagecache;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import org.veille.support.IntegrationTest;
import org.veille.support.Posting;
import org.veille.support.TestPeople;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reader who asks for a page and never reads it holds a server thread, but not one of the page slots:
 * the page is rendered into memory inside the slot and written to the socket after. Through the real server,
 * with sockets whose receive buffer is tiny, asking for a page far larger than every buffer on the way. On
 * loopback the kernel lets a socket's send buffer grow to megabytes, where a distant reader's would not: the
 * server's is set small here, as a slow network would keep it, so that a page of some hundred kilobytes
 * cannot slip into it whole. Two page slots, so that a few sockets are enough.
 */
@IntegrationTest
@TestPropertySource(properties = "veille.page-cache.concurrency=2")
@Import(SlowReadersIntegrationTests.SmallSendBuffers.class)
class SlowReadersIntegrationTests {

	/** Several times what the client's receive buffer, the server's send buffer and Tomcat's buffer hold. */
	private static final int LARGE_PAGE = 150_000;

	private static final int REPLIES = 10;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final List<Socket> readers = new ArrayList<>();

	@LocalServerPort
	private int port;

	@Autowired
	private MockMvc mvc;

	@Autowired
	private PageCacheProperties properties;

	@AfterEach
	void hangUp() throws IOException {
		for (Socket reader : this.readers) {
			reader.close();
		}
	}

	@Test
	void shouldServeOtherPagesWhileMoreReadersThanSlotsNeverReadTheirs() throws Exception {
		String largePage = "/messages/" + longThread();
		assertThat(Posting.page(this.mvc, null, largePage).length()).isGreaterThan(LARGE_PAGE);

		int slowReaders = this.properties.concurrency() + 2;
		for (int i = 1; i <= slowReaders; i++) {
			Socket reader = askWithoutReading(largePage);
			assertThat(answerStarted(reader)).as("the answer to slow reader %d of %d started", i, slowReaders).isTrue();
		}

		for (String path : List.of("/tags", "/all")) {
			HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
				.timeout(Duration.ofSeconds(5))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(path).isEqualTo(200);
		}
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class SmallSendBuffers {

		@Bean
		TomcatConnectorCustomizer smallSendBuffers() {
			return (connector) -> connector.setProperty("socket.txBufSize", "8192");
		}

	}

	/** A thread whose page is larger than {@link #LARGE_PAGE}: replies near the length limit. */
	private long longThread() throws Exception {
		MockHttpSession author = TestPeople.signUp(this.mvc, TestPeople.uniqueName("slow"));
		long thread = Posting.as(this.mvc, author, "A thread too long to be read slowly");
		String words = "Une phrase de remplissage qui fait durer la lecture. ".repeat(300);
		for (int i = 0; i < REPLIES; i++) {
			Posting.reply(this.mvc, author, thread, "Réponse " + i + " " + words);
		}
		return thread;
	}

	private Socket askWithoutReading(String path) throws IOException {
		Socket reader = new Socket();
		this.readers.add(reader);
		// Before connecting, so that the window the client announces stays small.
		reader.setReceiveBufferSize(1024);
		reader.connect(new InetSocketAddress("127.0.0.1", this.port), 5_000);
		reader.setSoTimeout(10_000);
		reader.getOutputStream()
			.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
		return reader;
	}

	/** Reads the first byte only: the server has begun to write, and the rest waits for a reader that never comes. */
	private static boolean answerStarted(Socket reader) throws IOException {
		InputStream in = reader.getInputStream();
		try {
			return in.read() == 'H';
		}
		catch (SocketTimeoutException ex) {
			return false;
		}
	}

}
