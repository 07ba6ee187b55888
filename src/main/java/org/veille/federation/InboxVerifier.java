package org.veille.federation;

import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;

/**
 * Checks a signed inbox POST: a {@code Signature} naming a key, a {@code Digest} of the body among the signed
 * headers, a {@code Date} within {@value #DATE_WINDOW_HOURS} hours, and a signature that holds with the sender's
 * key (fetched again once when it does not, in case the key changed).
 */
@Component
class InboxVerifier {

	static final int DATE_WINDOW_HOURS = 12;

	private final RemoteActors remoteActors;

	private final Clock clock;

	InboxVerifier(RemoteActors remoteActors, Clock clock) {
		this.remoteActors = remoteActors;
		this.clock = clock;
	}

	/** The request failed a check: answered 401 with the reason. */
	static final class Unverified extends Exception {

		private static final long serialVersionUID = 1L;

		Unverified(String message) {
			super(message);
		}

	}

	/** The sender, once every check passed. */
	RemoteActor verify(HttpServletRequest request, byte[] body) throws Unverified {
		HttpSignatures.Parsed signature = HttpSignatures.parse(request.getHeader("Signature"));
		if (signature == null) {
			throw new Unverified("Sign the request with HTTP Signatures (draft-cavage, rsa-sha256): no usable Signature "
					+ "header was sent.");
		}
		// The date too: a signature without it could be sent again at any later time under a fresh Date.
		if (!signature.headers().containsAll(List.of("(request-target)", "date", "digest"))) {
			throw new Unverified("The signature must cover (request-target), date and digest.");
		}
		if (!HttpSignatures.digestMatches(request.getHeader("Digest"), body)) {
			throw new Unverified("The Digest header does not match the body (SHA-256).");
		}
		checkDate(request.getHeader("Date"));
		RemoteActor sender;
		try {
			sender = this.remoteActors.byKeyId(signature.keyId(), false);
			if (!holds(signature, request, sender)) {
				sender = this.remoteActors.byKeyId(signature.keyId(), true);
				if (!holds(signature, request, sender)) {
					throw new Unverified("The signature does not hold with the key " + signature.keyId() + ".");
				}
			}
		}
		catch (RemoteActorException ex) {
			throw new Unverified("The key " + signature.keyId() + " could not be had: " + ex.getMessage());
		}
		return sender;
	}

	private void checkDate(String date) throws Unverified {
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
		Duration off = Duration.between(sent, this.clock.instant()).abs();
		if (off.compareTo(Duration.ofHours(DATE_WINDOW_HOURS)) > 0) {
			throw new Unverified("The Date header is more than " + DATE_WINDOW_HOURS + " hours from now.");
		}
	}

	private static boolean holds(HttpSignatures.Parsed signature, HttpServletRequest request, RemoteActor sender) {
		String target = request.getRequestURI() + ((request.getQueryString() != null) ? "?" + request.getQueryString() : "");
		try {
			return HttpSignatures.verify(signature, request.getMethod(), target,
					(name) -> request.getHeader(name.toLowerCase(Locale.ROOT)), sender.publicKey());
		}
		catch (GeneralSecurityException ex) {
			return false;
		}
	}

}
