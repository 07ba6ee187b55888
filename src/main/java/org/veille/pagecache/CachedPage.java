package org.veille.pagecache;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;

/**
 * A page as it was sent: its status (200, or 304 to a conditional GET), the headers the application set
 * on it and its body, with the version of the data it was rendered under.
 */
record CachedPage(long version, int status, @Nullable String contentType, Locale locale, Map<String, String> headers,
		byte[] body) {

	/** The other headers the application sets on pages and feeds; the security headers are written afresh. */
	static final List<String> KEPT_HEADERS = List.of(HttpHeaders.ETAG, HttpHeaders.LAST_MODIFIED,
			HttpHeaders.CACHE_CONTROL);

	static CachedPage of(long version, HttpServletResponse response, byte[] body) {
		Map<String, String> headers = new LinkedHashMap<>();
		for (String name : KEPT_HEADERS) {
			String value = response.getHeader(name);
			if (value != null) {
				headers.put(name, value);
			}
		}
		return new CachedPage(version, response.getStatus(), response.getContentType(), response.getLocale(), headers, body);
	}

	/** Its size in memory, rounded up: the body, the headers, the record and its map; its key is weighed apart. */
	int weight() {
		int weight = 4 * Footprint.OBJECT + this.body.length;
		if (this.contentType != null) {
			weight += Footprint.of(this.contentType);
		}
		for (Map.Entry<String, String> header : this.headers.entrySet()) {
			weight += Footprint.OBJECT + Footprint.of(header.getKey()) + Footprint.of(header.getValue());
		}
		return weight;
	}

	void writeTo(HttpServletResponse response) throws IOException {
		response.setStatus(this.status);
		if (this.contentType != null) {
			response.setContentType(this.contentType);
		}
		response.setLocale(this.locale);
		this.headers.forEach(response::setHeader);
		if (this.status == HttpServletResponse.SC_OK) {
			response.setContentLength(this.body.length);
			response.getOutputStream().write(this.body);
		}
	}

}
