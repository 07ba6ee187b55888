package org.veille.account;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;

/**
 * Reads the CSRF token of a file upload from its header or its query string, never from its body.
 * Asking an upload's request for a body parameter makes the servlet container parse the whole
 * upload inside the security filters: one over the size limit then fails there, before Veille can
 * answer it with its 413 page. Upload forms therefore carry the token in their action's query.
 */
class QueryStringCsrfForUploads implements CsrfTokenRequestHandler {

	private final XorCsrfTokenRequestAttributeHandler standard = new XorCsrfTokenRequestAttributeHandler();

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, Supplier<CsrfToken> token) {
		this.standard.handle(request, response, token);
	}

	/** A token that cannot even be decoded is no token: the request is refused (403), not failed (500). */
	@Override
	public @Nullable String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken token) {
		try {
			return resolve(request, token);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private @Nullable String resolve(HttpServletRequest request, CsrfToken token) {
		String contentType = request.getContentType();
		if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
			return this.standard.resolveCsrfTokenValue(request, token);
		}
		HttpServletRequest queryOnly = new HttpServletRequestWrapper(request) {

			@Override
			public @Nullable String getParameter(String name) {
				return fromQuery(getQueryString(), name);
			}

		};
		return this.standard.resolveCsrfTokenValue(queryOnly, token);
	}

	private static @Nullable String fromQuery(@Nullable String query, String name) {
		if (query == null) {
			return null;
		}
		for (String pair : query.split("&")) {
			int equals = pair.indexOf('=');
			if (equals > 0 && pair.substring(0, equals).equals(name)) {
				return URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
			}
		}
		return null;
	}

}
