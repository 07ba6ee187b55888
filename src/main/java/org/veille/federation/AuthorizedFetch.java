package org.veille.federation;

import java.io.IOException;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authorized fetch ({@code veille.federation.authorized-fetch}): the ActivityPub side of notes, outboxes and
 * collections answers only GETs signed (RFC 9421 or draft-cavage, {@link InboxVerifier}) by a server that is not
 * blocked: 401 unsigned or badly signed, 403 blocked. An unsigned GET of a person or a tag gets its key and inboxes
 * only ({@link #KEY_ONLY}), and the {@link SiteActor} answers anyone: both are needed to check the signatures that
 * this very rule asks for. Browsers still get the HTML pages. Runs before {@link ActivityNegotiation}, which
 * forwards the negotiated pages.
 */
class AuthorizedFetch extends OncePerRequestFilter {

	/** Request attribute: the actor document is answered with its key and inboxes only. */
	static final String KEY_ONLY = AuthorizedFetch.class.getName() + ".keyOnly";

	private static final Pattern ACTOR = Pattern.compile("/federation/people/[^/]+|/federation/tag/.+");

	private static final Pattern DOCUMENT = Pattern.compile("/federation/messages/[^/]+"
			+ "|/federation/people/[^/]+/(outbox|followers|following)|/federation/tags/(outbox|followers|following)/.+");

	private enum Kind {
		ACTOR, DOCUMENT, OPEN
	}

	private final boolean enabled;

	private final InboxVerifier verifier;

	private final DomainBlocks blocks;

	AuthorizedFetch(boolean enabled, InboxVerifier verifier, DomainBlocks blocks) {
		this.enabled = enabled;
		this.verifier = verifier;
		this.blocks = blocks;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !this.enabled || !("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Kind kind = kindOf(request);
		if (kind == Kind.OPEN) {
			chain.doFilter(request, response);
			return;
		}
		response.addHeader(HttpHeaders.VARY, "Signature, Signature-Input");
		if (!InboxVerifier.isSigned(request)) {
			if (kind == Kind.ACTOR) {
				request.setAttribute(KEY_ONLY, Boolean.TRUE);
				chain.doFilter(request, response);
				return;
			}
			refuse(response, HttpStatus.UNAUTHORIZED, "This site requires signed requests (authorized fetch): sign the "
					+ "GET with HTTP Signatures (RFC 9421, or draft-cavage over (request-target), host and date).");
			return;
		}
		if (this.blocks.isBlockedKey(InboxVerifier.keyIdOf(request))) {
			refuse(response, HttpStatus.FORBIDDEN, "This site answers nothing to your server.");
			return;
		}
		// Spring's RequestContextFilter comes after this one: the site's address (to read the signed target, to sign
		// the key's fetch) is read from the request through it.
		RequestAttributes outer = RequestContextHolder.getRequestAttributes();
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request, response));
		try {
			this.verifier.verify(request, null);
		}
		catch (InboxVerifier.Unverified ex) {
			refuse(response, HttpStatus.UNAUTHORIZED, ex.getMessage());
			return;
		}
		finally {
			RequestContextHolder.setRequestAttributes(outer);
		}
		chain.doFilter(request, response);
	}

	private static Kind kindOf(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (ACTOR.matcher(path).matches()) {
			return Kind.ACTOR;
		}
		if (DOCUMENT.matcher(path).matches()) {
			return Kind.DOCUMENT;
		}
		if (!ActivityNegotiation.asksForActivity(request.getHeader(HttpHeaders.ACCEPT))) {
			return Kind.OPEN;
		}
		if (ActivityNegotiation.PERSON.matcher(path).matches() || ActivityNegotiation.TAG.matcher(path).matches()) {
			return Kind.ACTOR;
		}
		return ActivityNegotiation.MESSAGE.matcher(path).matches() ? Kind.DOCUMENT : Kind.OPEN;
	}

	private static void refuse(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
		ObjectNode answer = ActivityStreams.object();
		answer.put("error", detail);
		byte[] body = ActivityStreams.bytes(answer);
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

}
