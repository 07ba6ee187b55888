package org.veille.link.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ProtocolException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChunkedInputStreamTests {

	@Test
	void shouldJoinChunks() throws IOException {
		assertThat(decode("5\r\nHello\r\n7\r\n, tides\r\n0\r\n\r\n")).isEqualTo("Hello, tides");
	}

	@Test
	void shouldIgnoreExtensionsAndTrailers() throws IOException {
		assertThat(decode("A;name=value\r\n0123456789\r\n0\r\nExpires: never\r\nX-Other: 1\r\n\r\n"))
				.isEqualTo("0123456789");
	}

	@Test
	void shouldAcceptConnectionClosedAfterLastChunk() throws IOException {
		assertThat(decode("3\r\nabc\r\n0\r\n")).isEqualTo("abc");
	}

	@Test
	void shouldLeaveBytesAfterBodyUnread() throws IOException {
		ByteArrayInputStream in = stream("3\r\nabc\r\n0\r\n\r\nNEXT");

		new ChunkedInputStream(in).readAllBytes();

		assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("NEXT");
	}

	@ParameterizedTest
	@ValueSource(strings = {"zz\r\nabc\r\n0\r\n\r\n", "-1\r\nabc\r\n", "5\r\nabc", "3\r\nabcX\r\n0\r\n\r\n", "",
		"fffffffffffffffff\r\n", "+3\r\nabc\r\n0\r\n\r\n"})
	void shouldRefuseMalformedChunks(String body) {
		assertThatExceptionOfType(ProtocolException.class).isThrownBy(() -> decode(body));
	}

	private static String decode(String chunked) throws IOException {
		return new String(new ChunkedInputStream(stream(chunked)).readAllBytes(), StandardCharsets.ISO_8859_1);
	}

	private static ByteArrayInputStream stream(String text) {
		return new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1));
	}
}
