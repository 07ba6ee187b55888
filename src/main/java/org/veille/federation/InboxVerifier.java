package org.veille.federation;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

import org.veille.web.PublicUrls;

/**
 * Checks a signed request: an inbox POST, or a GET when authorized fetch is on. Either signature scheme is taken:
 * RFC 9421 ({@link MessageSignatures}) when {@code Signature-Input} is sent, else draft-cavage
 * ({@link HttpSignatures}: a {@code Signature} naming a key, a {@code Digest} of the body among the signed headers,
 * a {@code Date} within {@value #DATE_WINDOW_HOURS} hours). The signature must then hold with the sender's key
 * (fetched again once when it does not, in case the key changed).
 */
@Component
class InboxVerifier {

	static final int DATE_WINDOW_HOURS = 12;

	private static final Duration WINDOW = Duration.ofHours(DATE_WINDOW_HOURS);

	private final RemoteActors remoteActors;

	private final PublicUrls urls;

	private final Clock clock;

	InboxVerifier(RemoteActors remoteActors, PublicUrls urls, Clock clock) {
		this.remoteActors = remoteActors;
		this.urls = urls;
		this.clock = clock;
	}

	/** The request failed a check: answered 401 with the reason. */
	static final class Unverified extends Exception {

		private static final long serialVersionUID = 1L;

		Unverified(String message) {
			super(message);
		}

	}

	/** The sender, once every check passed; {@code body} is null for a GET. */
	RemoteActor verify(HttpServletRequest servlet, byte @Nullable [] body) throws Unverified {
		ReceivedRequest request = received(servlet, body);
		MessageSignatures.Read read = (request.header("Signature-Input") != null)
				? MessageSignatures.read(request, this.clock.instant(), WINDOW) : draftCavage(request);
		RemoteActor sender;
		try {
			sender = this.remoteActors.byKeyId(read.keyId(), false);
			if (!holds(read, sender)) {
				sender = this.remoteActors.byKeyId(read.keyId(), true);
				if (!holds(read, sender)) {
					throw new Unverified("The signature does not hold with the key " + read.keyId() + ".");
				}
			}
		}
		catch (RemoteActorException ex) {
			throw new Unverified("The key " + read.keyId() + " could not be had: " + ex.getMessage());
		}
		return sender;
	}

	/** The key a request says it is signed with, read without checking anything else; null when none is readable. */
	static @Nullable String keyIdOf(HttpServletRequest request) {
		String input = request.getHeader("Signature-Input");
		if (input != null) {
			try {
				return StructuredFields.dictionary(input).values().stream().findFirst()
					.map((first) -> (first.parameters().get("keyid") instanceof String keyId) ? keyId : null)
					.orElse(null);
			}
			catch (StructuredFields.Malformed ex) {
				return null;
			}
		}
		HttpSignatures.Parsed parsed = HttpSignatures.parse(request.getHeader("Signature"));
		return (parsed != null) ? parsed.keyId() : null;
	}

	/** Whether the request carries a signature of either kind (an unsigned one may be answered otherwise). */
	static boolean isSigned(HttpServletRequest request) {
		return request.getHeader("Signature") != null || request.getHeader("Signature-Input") != null;
	}

	private ReceivedRequest received(HttpServletRequest servlet, byte @Nullable [] body) {
		String path = servlet.getRequestURI().substring(servlet.getContextPath().length());
		String query = servlet.getQueryString();
		URI target = URI.create(this.urls.base() + path + ((query != null) ? "?" + query : ""));
		return new ReceivedRequest(servlet.getMethod(), target, servlet, body);
	}

	/**
	 * draft-cavage: the signed headers must include the date (else the signature could be sent again at any later
	 * time under a fresh Date), the digest of a body, and for a GET the host (its request-target names no host).
	 */
	private MessageSignatures.Read draftCavage(ReceivedRequest request) throws Unverified {
		HttpSignatures.Parsed signature = HttpSignatures.parse(request.header("Signature"));
		if (signature == null) {
			throw new Unverified("Sign the request with HTTP Signatures (RFC 9421, or draft-cavage with rsa-sha256): no "
					+ "usable Signature header was sent.");
		}
		byte[] body = request.body();
		if (body != null) {
			if (!signature.headers().containsAll(List.of("(request-target)", "date", "digest"))) {
				throw new Unverified("The signature must cover (request-target), date and digest.");
			}
			if (!HttpSignatures.digestMatches(request.header("Digest"), body)) {
				throw new Unverified("The Digest header does not match the body (SHA-256).");
			}
		}
		else if (!signature.headers().containsAll(List.of("(request-target)", "host", "date"))) {
			throw new Unverified("The signature must cover (request-target), host and date.");
		}
		checkDate(request.header("Date"));
		if (!signature.algorithm().equals("rsa-sha256") && !signature.algorithm().equals("hs2019")) {
			throw new Unverified("The algorithm " + signature.algorithm() + " is not taken here: sign with rsa-sha256.");
		}
		String signed;
		try {
			signed = HttpSignatures.signingString(signature.headers(),
					request.method().toLowerCase(Locale.ROOT) + " " + request.pathAndQuery(),
					request::header);
		}
		catch (IllegalArgumentException ex) {
			throw new Unverified("The signature covers a header the request lacks: " + ex.getMessage() + ".");
		}
		return new MessageSignatures.Read(signature.keyId(), signed.getBytes(StandardCharsets.UTF_8), signature.signature());
	}

	private void checkDate(@Nullable String date) throws Unverified {
		if (date == null) {
			throw new Unverified("Send and sign a Date header.");
		}
		Instant sent;
		try {
			sent = Instant.from(HttpSignatures.HTTP_DATE.parse(date.strip()));
		}
		catch (DateTimeParseException ex) {
			throw new Unverified("The Date header is not an HTTP date.");
		}
		if (Duration.between(sent, this.clock.instant()).abs().compareTo(WINDOW) > 0) {
			throw new Unverified("The Date header is more than " + DATE_WINDOW_HOURS + " hours from now.");
		}
	}

	private static boolean holds(MessageSignatures.Read read, RemoteActor sender) {
		try {
			PublicKey key = sender.publicKey();
			Signature verifier = Signature.getInstance("SHA256withRSA");
			verifier.initVerify(key);
			verifier.update(read.base());
			return verifier.verify(read.signature());
		}
		catch (GeneralSecurityException ex) {
			return false;
		}
	}

}
