package org.veille.federation;

import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Content negotiation on the pages that are also ActivityPub objects: a person's page, a tag's page and a
 * message's page answer JSON-LD to a client that names {@code application/activity+json} or
 * {@code application/ld+json}, and HTML to everyone else (a browser's {@code *}{@code /*} is no request for JSON).
 * Runs before Spring Security and the page cache, so a kept HTML page is never served for JSON, and forwards to
 * {@link ActorController}.
 */
class ActivityNegotiation extends OncePerRequestFilter {

	static final Pattern PERSON = Pattern.compile("/people/[^/]+");

	static final Pattern TAG = Pattern.compile("/tag/.+(?<![$*])");

	static final Pattern MESSAGE = Pattern.compile("/messages/\\d{1,18}");

	private static final List<MediaType> ACTIVITY_TYPES = List.of(MediaType.parseMediaType("application/activity+json"),
			MediaType.parseMediaType("application/ld+json"));

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		boolean negotiated = ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))
				&& (PERSON.matcher(path).matches() || TAG.matcher(path).matches() || MESSAGE.matcher(path).matches());
		if (!negotiated) {
			chain.doFilter(request, response);
			return;
		}
		response.addHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT);
		if (asksForActivity(request.getHeader(HttpHeaders.ACCEPT))) {
			request.getRequestDispatcher("/federation" + path).forward(request, response);
			return;
		}
		chain.doFilter(request, response);
	}

	static boolean asksForActivity(@Nullable String accept) {
		if (accept == null || accept.isBlank()) {
			return false;
		}
		try {
			return MediaType.parseMediaTypes(accept)
				.stream()
				.anyMatch((type) -> ACTIVITY_TYPES.stream()
					.anyMatch((activity) -> activity.getType().equals(type.getType())
							&& activity.getSubtype().equals(type.getSubtype())));
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
	}

}
