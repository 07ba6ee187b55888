package org.veille.link.fetch;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * The status line and headers of an HTTP response.
 *
 * @param headers values by lower-case header name, in the order received
 */
record ResponseHead(int status, String reasonPhrase, Map<String, List<String>> headers) {

	ResponseHead {
		headers = headers.entrySet().stream()
				.collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, entry -> List.copyOf(entry.getValue())));
	}

	@Nullable String header(String name) {
		List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
		return values == null ? null : values.get(0);
	}

	List<String> headers(String name) {
		return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
	}

	boolean isRedirect() {
		return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
	}

	boolean isSuccess() {
		return status >= 200 && status < 300;
	}

	/** The status as people read it: {@code 404 Not Found}. */
	String statusText() {
		return reasonPhrase.isEmpty() ? String.valueOf(status) : status + " " + reasonPhrase;
	}
}
