package org.veille.pagecache;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletResponse;

import org.apache.tomcat.util.http.ResponseUtil;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;

/**
 * A page as it was sent: its status (200, or 304 to a conditional GET), the headers the application set
 * on it and its body, with the stamp it was rendered under and the keys of what it shows. A body is kept in
 * parts around the relative times it shows ("3 minutes ago"), which are written afresh each time it is served; for
 * readers who accept gzip, its last compressed copy is sent again while those times read the same.
 */
record CachedPage(long renderedAt, Set<String> keys, int status, @Nullable String contentType, Locale locale,
		Map<String, String> headers, List<byte[]> parts, List<Instant> times, GzippedCopy gzipped) {

	/** The other headers the application sets on pages and feeds; the security headers are written afresh. */
	static final List<String> KEPT_HEADERS = List.of(HttpHeaders.ETAG, HttpHeaders.LAST_MODIFIED,
			HttpHeaders.CACHE_CONTROL);

	static CachedPage of(long renderedAt, Set<String> keys, HttpServletResponse response, RelativeTimes.Split body) {
		Map<String, String> headers = new LinkedHashMap<>();
		for (String name : KEPT_HEADERS) {
			String value = response.getHeader(name);
			if (value != null) {
				headers.put(name, value);
			}
		}
		return new CachedPage(renderedAt, Set.copyOf(keys), response.getStatus(), response.getContentType(),
				response.getLocale(), headers, body.parts(), body.times(), new GzippedCopy());
	}

	/**
	 * Its size in memory, rounded up: the body and room for a compressed copy (a fifth of it: tag pages compress
	 * five to six times), the headers, the keys, the record and its collections.
	 */
	int weight() {
		int weight = 8 * Footprint.OBJECT + this.times.size() * Footprint.OBJECT + (int) (partsLength() / 5);
		for (byte[] part : this.parts) {
			weight += Footprint.OBJECT + part.length;
		}
		for (String key : this.keys) {
			weight += Footprint.OBJECT + Footprint.of(key);
		}
		if (this.contentType != null) {
			weight += Footprint.of(this.contentType);
		}
		for (Map.Entry<String, String> header : this.headers.entrySet()) {
			weight += Footprint.OBJECT + Footprint.of(header.getKey()) + Footprint.of(header.getValue());
		}
		return weight;
	}

	/**
	 * Writes the page with its relative times as they read now; compressed when the reader accepts gzip and
	 * Tomcat would have compressed it ({@link KeptCompression}), from the copy compressed for the same times if any.
	 */
	void writeTo(HttpServletResponse response, RelativeTimes times, KeptCompression compression, boolean gzipAccepted)
			throws IOException {
		response.setStatus(this.status);
		if (this.contentType != null) {
			response.setContentType(this.contentType);
		}
		response.setLocale(this.locale);
		this.headers.forEach(response::setHeader);
		if (this.status != HttpServletResponse.SC_OK) {
			return;
		}
		List<String> agos = new ArrayList<>(this.times.size());
		for (Instant time : this.times) {
			agos.add(times.agoEscaped(time, this.locale));
		}
		String etag = this.headers.get(HttpHeaders.ETAG);
		if (gzipAccepted && compression.appliesTo(this.contentType, partsLength(), etag)) {
			byte[] compressed = this.gzipped.of(agos, () -> KeptCompression.gzip(body(agos), partsLength()));
			// Tomcat leaves an answer with a coding alone, its Vary header too.
			response.setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
			ResponseUtil.addVaryFieldName(response, HttpHeaders.ACCEPT_ENCODING.toLowerCase(Locale.ROOT));
			response.setContentLength(compressed.length);
			response.getOutputStream().write(compressed);
			return;
		}
		List<byte[]> body = body(agos);
		long length = 0;
		for (byte[] part : body) {
			length += part.length;
		}
		response.setContentLengthLong(length);
		OutputStream out = response.getOutputStream();
		for (byte[] part : body) {
			out.write(part);
		}
	}

	/** The kept parts with these relative times between them. */
	private List<byte[]> body(List<String> agos) {
		List<byte[]> body = new ArrayList<>(2 * this.parts.size());
		for (int i = 0; i < this.parts.size(); i++) {
			body.add(this.parts.get(i));
			if (i < agos.size()) {
				body.add(agos.get(i).getBytes(StandardCharsets.UTF_8));
			}
		}
		return body;
	}

	private long partsLength() {
		long length = 0;
		for (byte[] part : this.parts) {
			length += part.length;
		}
		return length;
	}

	/**
	 * A page's body compressed for readers who accept gzip, with the relative times it was compressed with:
	 * compressed again only when one of them reads otherwise ("3 minutes ago" becoming "4 minutes ago"). Two
	 * readers arriving together may both compress it; the last copy is kept.
	 */
	static final class GzippedCopy {

		private volatile @Nullable Copy last;

		byte[] of(List<String> agos, Supplier<byte[]> compress) {
			Copy copy = this.last;
			if (copy == null || !copy.agos().equals(agos)) {
				copy = new Copy(List.copyOf(agos), compress.get());
				this.last = copy;
			}
			return copy.body();
		}

		private record Copy(List<String> agos, byte[] body) {
		}

	}

}
