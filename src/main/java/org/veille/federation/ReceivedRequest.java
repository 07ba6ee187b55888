package org.veille.federation;

import java.net.URI;
import java.util.Collections;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;

/**
 * What the signature checks read of a request.
 *
 * @param target the URI the sender aimed at: this site's public address with the request's path and query
 * @param body the body, or null for a GET
 */
record ReceivedRequest(String method, URI target, HttpServletRequest servlet, byte @Nullable [] body) {

	/** The field's lines joined by {@code ", "} (RFC 9110 section 5.3), or null when absent. */
	@Nullable String header(String name) {
		var lines = Collections.list(this.servlet.getHeaders(name.toLowerCase(Locale.ROOT)));
		if (lines.isEmpty()) {
			return null;
		}
		return String.join(", ", lines.stream().map(String::strip).toList());
	}

	/** The path and query, as in draft-cavage's {@code (request-target)}. */
	String pathAndQuery() {
		return HttpSignatures.pathAndQuery(this.target);
	}

}
