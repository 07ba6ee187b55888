package org.veille.pagecache;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

import jakarta.servlet.http.HttpServletRequest;

import org.apache.tomcat.util.http.parser.AcceptEncoding;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.web.server.Compression;
import org.springframework.http.HttpHeaders;

/**
 * Kept pages sent compressed to the readers whose browser accepts gzip (every browser does), on the rules by which
 * Tomcat compresses the other answers ({@code server.compression.*}), but compressed once for each text of their
 * relative times instead of at every view: a repeated tag page with {@code Accept-Encoding: gzip} was about 2,800
 * requests a second against 9,300 without, Tomcat compressing its 34 KB each time (issue 16, docs/BENCHMARKS.md).
 */
final class KeptCompression {

	private final boolean enabled;

	private final long smallest;

	private final String[] types;

	private final @Nullable Pattern excludedAgents;

	private KeptCompression(boolean enabled, long smallest, String[] types, @Nullable Pattern excludedAgents) {
		this.enabled = enabled;
		this.smallest = smallest;
		this.types = types;
		this.excludedAgents = excludedAgents;
	}

	static KeptCompression of(Compression compression) {
		String[] agents = compression.getExcludedUserAgents();
		Pattern excluded = (agents == null || agents.length == 0) ? null : Pattern.compile(String.join("|", agents));
		return new KeptCompression(compression.getEnabled(), compression.getMinResponseSize().toBytes(),
				Arrays.copyOf(compression.getMimeTypes(), compression.getMimeTypes().length), excluded);
	}

	/**
	 * Whether Tomcat would compress this page for a reader who accepts gzip: compression on, a type listed, at
	 * least the smallest size, and no strong validator (Tomcat leaves those alone, as a strong {@code ETag} names
	 * the very bytes sent).
	 */
	boolean appliesTo(@Nullable String contentType, long length, @Nullable String etag) {
		boolean strong = etag != null && !etag.startsWith("W/");
		if (!this.enabled || contentType == null || length < this.smallest || strong) {
			return false;
		}
		for (String type : this.types) {
			if (contentType.startsWith(type)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether the reader accepts gzip, as Tomcat decides it: a {@code gzip} coding in an {@code Accept-Encoding}
	 * header (whatever its weight), a header Tomcat can read, and a user agent not excluded.
	 */
	boolean isAcceptedBy(HttpServletRequest request) {
		if (this.excludedAgents != null) {
			String agent = request.getHeader(HttpHeaders.USER_AGENT);
			if (agent != null && this.excludedAgents.matcher(agent).matches()) {
				return false;
			}
		}
		Enumeration<String> headers = request.getHeaders(HttpHeaders.ACCEPT_ENCODING);
		while (headers.hasMoreElements()) {
			List<AcceptEncoding> codings;
			try {
				codings = AcceptEncoding.parse(new StringReader(headers.nextElement()));
			}
			catch (IOException ex) {
				return false;
			}
			for (AcceptEncoding coding : codings) {
				if ("gzip".equalsIgnoreCase(coding.getEncoding())) {
					return true;
				}
			}
		}
		return false;
	}

	/** The parts one after the other, compressed as Tomcat does (gzip, default level). */
	static byte[] gzip(List<byte[]> parts, long length) {
		int expected = (int) Math.min(Integer.MAX_VALUE, length / 4 + 64);
		ByteArrayOutputStream compressed = new ByteArrayOutputStream(expected);
		try (GZIPOutputStream out = new GZIPOutputStream(compressed, 8192)) {
			for (byte[] part : parts) {
				out.write(part);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return compressed.toByteArray();
	}

}
