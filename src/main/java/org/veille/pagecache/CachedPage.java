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

import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;

/**
 * A page as it was sent: its status (200, or 304 to a conditional GET), the headers the application set
 * on it and its body, with the stamp it was rendered under and the keys of what it shows. A body is kept in
 * parts around the relative times it shows ("3 minutes ago"), which are written afresh each time it is served.
 */
record CachedPage(long renderedAt, Set<String> keys, int status, @Nullable String contentType, Locale locale,
		Map<String, String> headers, List<byte[]> parts, List<Instant> times) {

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
				response.getLocale(), headers, body.parts(), body.times());
	}

	/** Its size in memory, rounded up: the body, the headers, the keys, the record and its collections. */
	int weight() {
		int weight = 6 * Footprint.OBJECT + this.times.size() * Footprint.OBJECT;
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

	void writeTo(HttpServletResponse response, RelativeTimes times) throws IOException {
		response.setStatus(this.status);
		if (this.contentType != null) {
			response.setContentType(this.contentType);
		}
		response.setLocale(this.locale);
		this.headers.forEach(response::setHeader);
		if (this.status != HttpServletResponse.SC_OK) {
			return;
		}
		List<byte[]> now = new ArrayList<>(2 * this.parts.size());
		long length = 0;
		for (int i = 0; i < this.parts.size(); i++) {
			now.add(this.parts.get(i));
			length += this.parts.get(i).length;
			if (i < this.times.size()) {
				byte[] ago = times.agoEscaped(this.times.get(i), this.locale).getBytes(StandardCharsets.UTF_8);
				now.add(ago);
				length += ago.length;
			}
		}
		response.setContentLengthLong(length);
		OutputStream out = response.getOutputStream();
		for (byte[] part : now) {
			out.write(part);
		}
	}

}
