package org.veille.link.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BodyDecodingTests {

	private static final byte[] PAGE =
			"<html><head><title>Tides</title></head></html>".getBytes(StandardCharsets.UTF_8);

	@Test
	void shouldStopAtContentLength() throws IOException {
		InputStream body = BodyDecoding.decode(head(200, "Content-Length", "5"), stream("HelloAndMore"));

		assertThat(body.readAllBytes()).asString().isEqualTo("Hello");
	}

	@Test
	void shouldReadUntilCloseWithoutLength() throws IOException {
		InputStream body = BodyDecoding.decode(head(200), stream("all of it"));

		assertThat(body.readAllBytes()).asString().isEqualTo("all of it");
	}

	@Test
	void shouldPreferChunkedOverContentLength() throws IOException {
		InputStream body = BodyDecoding.decode(
				head(200, "Transfer-Encoding", "chunked", "Content-Length", "100"), stream("2\r\nok\r\n0\r\n\r\n"));

		assertThat(body.readAllBytes()).asString().isEqualTo("ok");
	}

	@Test
	void shouldReadNothingForNotModified() throws IOException {
		assertThat(BodyDecoding.decode(head(304), stream("ignored")).readAllBytes()).isEmpty();
	}

	@Test
	void shouldGunzip() throws IOException {
		ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
		try (GZIPOutputStream gzip = new GZIPOutputStream(gzipped)) {
			gzip.write(PAGE);
		}

		InputStream body = BodyDecoding.decode(head(200, "Content-Encoding", "gzip"),
				new ByteArrayInputStream(gzipped.toByteArray()));

		assertThat(body.readAllBytes()).isEqualTo(PAGE);
	}

	@ParameterizedTest
	@ValueSource(booleans = {true, false})
	void shouldInflateZlibAndRawDeflate(boolean raw) throws IOException {
		ByteArrayOutputStream deflated = new ByteArrayOutputStream();
		try (DeflaterOutputStream deflate = new DeflaterOutputStream(deflated, new Deflater(6, raw))) {
			deflate.write(PAGE);
		}

		InputStream body = BodyDecoding.decode(head(200, "Content-Encoding", "deflate"),
				new ByteArrayInputStream(deflated.toByteArray()));

		assertThat(body.readAllBytes()).isEqualTo(PAGE);
	}

	@Test
	void shouldRefuseEncodingsNotAskedFor() {
		assertThatExceptionOfType(ProtocolException.class).isThrownBy(
				() -> BodyDecoding.decode(head(200, "Content-Encoding", "br"), stream("?")));
		assertThatExceptionOfType(ProtocolException.class).isThrownBy(
				() -> BodyDecoding.decode(head(200, "Transfer-Encoding", "gzip, chunked"), stream("?")));
	}

	@Test
	void shouldRefuseConflictingContentLengths() {
		ResponseHead head = new ResponseHead(200, "OK", Map.of("content-length", List.of("5", "6")));

		assertThatExceptionOfType(ProtocolException.class).isThrownBy(() -> BodyDecoding.declaredLength(head));
	}

	@Test
	void shouldAcceptRepeatedEqualContentLengths() throws IOException {
		assertThat(BodyDecoding.declaredLength(head(200, "Content-Length", "5, 5"))).isEqualTo(5);
	}

	private static ResponseHead head(int status, String... namesAndValues) {
		Map<String, List<String>> headers = new HashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			headers.put(namesAndValues[i].toLowerCase(Locale.ROOT), List.of(namesAndValues[i + 1]));
		}
		return new ResponseHead(status, "", headers);
	}

	private static InputStream stream(String text) {
		return new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1));
	}
}
