package org.veille.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;

class BodyReaderTests {

	private static final List<String> END_OF_HEAD = List.of("</head", "<body");

	@Test
	void shouldReadShortBodyWhole() throws IOException {
		BoundedBody body = BodyReader.readAtMost(stream("short"), 10);

		assertThat(body.bytes()).asString().isEqualTo("short");
		assertThat(body.complete()).isTrue();
	}

	@Test
	void shouldCountBodyOfExactlyLimitAsComplete() throws IOException {
		assertThat(BodyReader.readAtMost(stream("1234567890"), 10).complete()).isTrue();
	}

	@Test
	void shouldKeepOnlyLimitOfLongBody() throws IOException {
		BoundedBody body = BodyReader.readAtMost(stream("12345678901"), 10);

		assertThat(body.bytes()).asString().isEqualTo("1234567890");
		assertThat(body.complete()).isFalse();
	}

	@Test
	void shouldStopAfterEndOfHeadInAnyCase() throws IOException {
		String page = "<html><head><title>T</title></HEAD>" + "<p>body</p>".repeat(100_000);

		BoundedBody body = BodyReader.readUntil(stream(page), 1 << 20, END_OF_HEAD);

		assertThat(body.bytes().length).isLessThan(20_000);
		assertThat(new String(body.bytes(), StandardCharsets.US_ASCII)).contains("</HEAD>");
		assertThat(body.complete()).isFalse();
	}

	@Test
	void shouldStopAtBodyTagWhenHeadIsNotClosed() throws IOException {
		String page = "<title>T</title><meta name=a content=b><Body>" + "x".repeat(1 << 20);

		assertThat(BodyReader.readUntil(stream(page), 2 << 20, END_OF_HEAD).bytes().length).isLessThan(20_000);
	}

	@Test
	void shouldFindMarkerSplitAcrossReads() throws IOException {
		InputStream trickle = new FilterInputStream(stream("<title>T</title></he" + "ad>" + "x".repeat(100_000))) {
			@Override
			public int read(byte[] b, int off, int len) throws IOException {
				return super.read(b, off, Math.min(len, 3));
			}
		};

		assertThat(BodyReader.readUntil(trickle, 1 << 20, END_OF_HEAD).bytes().length).isLessThan(30);
	}

	@Test
	void shouldCountUpToLimit() throws IOException {
		assertThat(BodyReader.count(stream("12345"), 5)).isEqualTo(5);
		assertThat(BodyReader.count(stream("123456"), 5)).isEqualTo(-1);
	}

	@Test
	void shouldInflateOnlyWhatLimitNeedsFromGzipBomb() throws IOException {
		byte[] bomb = gzippedZeros(64 * 1024 * 1024);
		CountingInputStream wire = new CountingInputStream(new ByteArrayInputStream(bomb));

		BoundedBody body = BodyReader.readAtMost(new GZIPInputStream(wire), 256 * 1024);

		assertThat(body.bytes()).hasSize(256 * 1024);
		assertThat(body.complete()).isFalse();
		assertThat(wire.count).isLessThan(bomb.length / 10);
	}

	private static byte[] gzippedZeros(int size) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
			byte[] block = new byte[1 << 20];
			for (int written = 0; written < size; written += block.length) {
				gzip.write(block);
			}
		}
		return out.toByteArray();
	}

	private static InputStream stream(String text) {
		return new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII));
	}

	private static final class CountingInputStream extends FilterInputStream {

		private long count;

		CountingInputStream(InputStream in) {
			super(in);
		}

		@Override
		public int read(byte[] b, int off, int len) throws IOException {
			int read = super.read(b, off, len);
			count += Math.max(read, 0);
			return read;
		}
	}
}
