package org.veille.account;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.jspecify.annotations.Nullable;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;

/**
 * Reads the CSRF token of a file upload from its header or its query string, never from its body.
 * Asking an upload's request for a body parameter makes the servlet container parse the whole
 * upload inside the security filters: one over the size limit then fails there, before Veille can
 * answer it with its 413 page. Upload forms therefore carry the token in their action's query.
 */
class QueryStringCsrfForUploads extends XorCsrfTokenRequestAttributeHandler {

	@Override
	public @Nullable String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken token) {
		String contentType = request.getContentType();
		if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
			return super.resolveCsrfTokenValue(request, token);
		}
		HttpServletRequest queryOnly = new HttpServletRequestWrapper(request) {

			@Override
			public @Nullable String getParameter(String name) {
				return fromQuery(getQueryString(), name);
			}

		};
		return super.resolveCsrfTokenValue(queryOnly, token);
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
