package org.veille.account;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The body of an API error: a short sentence in plain text, never a half-written XML document.
 */
final class ApiErrors {

	private ApiErrors() {
	}

	static void send(HttpServletResponse response, int status, String explanation) throws IOException {
		response.setStatus(status);
		if (status == HttpServletResponse.SC_UNAUTHORIZED) {
			response.setHeader("WWW-Authenticate", "Basic realm=\"Veille\", Bearer realm=\"Veille\"");
		}
		response.setContentType("text/plain;charset=UTF-8");
		response.getWriter().write(explanation + "\n");
	}

}
