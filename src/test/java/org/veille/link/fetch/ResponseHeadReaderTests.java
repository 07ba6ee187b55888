package org.veille.link.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ProtocolException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResponseHeadReaderTests {

	@Test
	void shouldReadStatusAndHeadersCaseInsensitively() throws IOException {
		ResponseHead head = read(
				"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nSET-COOKIE: a=1\r\nset-cookie: b=2\r\n\r\n");

		assertThat(head.status()).isEqualTo(200);
		assertThat(head.statusText()).isEqualTo("200 OK");
		assertThat(head.header("content-type")).isEqualTo("text/html");
		assertThat(head.headers("Set-Cookie")).containsExactly("a=1", "b=2");
	}

	@Test
	void shouldLeaveBodyUnread() throws IOException {
		InputStream in = stream("HTTP/1.0 404 Not Found\r\nContent-Length: 4\r\n\r\nbody");

		ResponseHead head = ResponseHeadReader.read(in);

		assertThat(head.statusText()).isEqualTo("404 Not Found");
		assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("body");
	}

	@Test
	void shouldSkipInterimResponses() throws IOException {
		ResponseHead head = read("HTTP/1.1 103 Early Hints\r\nLink: </style.css>; rel=preload\r\n\r\n"
				+ "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 301 Moved Permanently\r\nLocation: /new\r\n\r\n");

		assertThat(head.status()).isEqualTo(301);
		assertThat(head.header("location")).isEqualTo("/new");
	}

	@Test
	void shouldAcceptBareLineFeedsMissingReasonAndFoldedHeaders() throws IOException {
		ResponseHead head = read("HTTP/1.1 204\nX-Long: first\n  second\n\n");

		assertThat(head.statusText()).isEqualTo("204");
		assertThat(head.header("x-long")).isEqualTo("first second");
	}

	@ParameterizedTest
	@ValueSource(strings = {"", "garbage\r\n\r\n", "HTTP/2 200\r\n\r\n", "HTTP/1.1 200 OK\r\nno colon here\r\n\r\n",
		"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n", "HTTP/1.1 101 Switching Protocols\r\n\r\n",
		"HTTP/1.1 099 Odd\r\n\r\n"})
	void shouldRefuseMalformedHeads(String response) {
		assertThatExceptionOfType(ProtocolException.class).isThrownBy(() -> read(response));
	}

	@Test
	void shouldRefuseEndlessHeaderLine() {
		String response = "HTTP/1.1 200 OK\r\nX-Endless: " + "a".repeat(100_000) + "\r\n\r\n";

		assertThatExceptionOfType(ProtocolException.class).isThrownBy(() -> read(response));
	}

	@Test
	void shouldRefuseEndlessHeaders() {
		String response = "HTTP/1.1 200 OK\r\n" + "X-Many: yes\r\n".repeat(10_000) + "\r\n";

		assertThatExceptionOfType(ProtocolException.class).isThrownBy(() -> read(response));
	}

	private static ResponseHead read(String response) throws IOException {
		return ResponseHeadReader.read(stream(response));
	}

	private static InputStream stream(String response) {
		return new ByteArrayInputStream(response.getBytes(StandardCharsets.ISO_8859_1));
	}
}
