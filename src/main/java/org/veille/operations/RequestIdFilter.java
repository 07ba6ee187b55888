package org.veille.operations;

import java.io.IOException;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives each request an id, written in every log line of the request (the {@value #MDC_KEY} entry of the
 * logging context: a field of the JSON logs, a bracket of the plain ones) and sent back in the
 * {@value #HEADER} header. The id a proxy sends in that header is kept when it is a short token, so that the
 * proxy's log and Veille's name the same request; anything else is replaced with a random id.
 */
class RequestIdFilter extends OncePerRequestFilter {

	static final String HEADER = "X-Request-Id";

	static final String MDC_KEY = "requestId";

	private static final String ATTRIBUTE = RequestIdFilter.class.getName() + ".id";

	private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		// An error page is a second dispatch of the same request: it keeps the id.
		String id = (request.getAttribute(ATTRIBUTE) instanceof String kept) ? kept : idOf(request.getHeader(HEADER));
		request.setAttribute(ATTRIBUTE, id);
		MDC.put(MDC_KEY, id);
		response.setHeader(HEADER, id);
		try {
			chain.doFilter(request, response);
		}
		finally {
			MDC.remove(MDC_KEY);
		}
	}

	@Override
	protected boolean shouldNotFilterAsyncDispatch() {
		return false;
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	static String idOf(@Nullable String incoming) {
		if (incoming != null && SANE.matcher(incoming).matches()) {
			return incoming;
		}
		byte[] random = new byte[8];
		ThreadLocalRandom.current().nextBytes(random);
		return HexFormat.of().formatHex(random);
	}

}
