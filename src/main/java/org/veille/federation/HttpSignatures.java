package org.veille.federation;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * HTTP Signatures as Mastodon uses them: draft-cavage-http-signatures-12 with {@code rsa-sha256} (or
 * {@code hs2019} with an RSA key, which is the same computation), over {@code (request-target)}, {@code host},
 * {@code date} and, with a body, {@code digest} ({@code SHA-256=} of the body, RFC 3230). Written with
 * java.security: the Java libraries for it (tomitribe's, the last released in 2021) leave the {@code Digest},
 * the date window and the header parsing to the caller anyway, which is most of the work.
 */
final class HttpSignatures {

	static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

	private HttpSignatures() {
	}

	/** A {@code Signature} header's parameters. */
	record Parsed(String keyId, String algorithm, List<String> headers, byte[] signature) {
	}

	/** The headers to send with a signed POST of this body: Host, Date, Digest, Signature. */
	static Map<String, String> signedPost(URI target, byte[] body, String keyId, PrivateKey key, Instant now) {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("host", hostOf(target));
		headers.put("date", HTTP_DATE.format(now));
		headers.put("digest", digest(body));
		String requestTarget = "post " + pathAndQuery(target);
		String signingString = signingString(List.of("(request-target)", "host", "date", "digest"), requestTarget,
				headers::get);
		String signature = Base64.getEncoder().encodeToString(sign(signingString, key));
		Map<String, String> sent = new LinkedHashMap<>();
		sent.put("Host", headers.get("host"));
		sent.put("Date", headers.get("date"));
		sent.put("Digest", headers.get("digest"));
		sent.put("Signature", "keyId=\"" + keyId + "\",algorithm=\"rsa-sha256\",headers=\"(request-target) host date digest\""
				+ ",signature=\"" + signature + "\"");
		return sent;
	}

	/**
	 * The headers to send with a signed GET, as Mastodon signs its fetches: Date and a Signature over
	 * {@code (request-target) host date} (the client sends the same Host).
	 */
	static Map<String, String> signedGet(URI target, String keyId, PrivateKey key, Instant now) {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("host", hostOf(target));
		headers.put("date", HTTP_DATE.format(now));
		String signingString = signingString(List.of("(request-target)", "host", "date"), "get " + pathAndQuery(target),
				headers::get);
		Map<String, String> sent = new LinkedHashMap<>();
		sent.put("Date", headers.get("date"));
		sent.put("Signature", "keyId=\"" + keyId + "\",algorithm=\"rsa-sha256\",headers=\"(request-target) host date\""
				+ ",signature=\"" + Base64.getEncoder().encodeToString(sign(signingString, key)) + "\"");
		return sent;
	}

	static String digest(byte[] body) {
		try {
			return "SHA-256=" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(body));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Every JDK has SHA-256", ex);
		}
	}

	/** Whether a {@code Digest} header holds the body's SHA-256 (other algorithms listed beside it are ignored). */
	static boolean digestMatches(@Nullable String header, byte[] body) {
		if (header == null) {
			return false;
		}
		String expected = digest(body).substring("SHA-256=".length());
		for (String part : header.split(",")) {
			int equals = part.indexOf('=');
			if (equals > 0 && part.substring(0, equals).strip().equalsIgnoreCase("SHA-256")
					&& MessageDigest.isEqual(part.substring(equals + 1).strip().getBytes(StandardCharsets.US_ASCII),
							expected.getBytes(StandardCharsets.US_ASCII))) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Reads a {@code Signature} header: {@code name="value"} pairs separated by commas.
	 *
	 * @return null when it is not one (no keyId or signature, bad base64)
	 */
	static @Nullable Parsed parse(@Nullable String header) {
		if (header == null || header.length() > 8192) {
			return null;
		}
		Map<String, String> parameters = new LinkedHashMap<>();
		int i = 0;
		while (i < header.length()) {
			int equals = header.indexOf('=', i);
			if (equals < 0) {
				return null;
			}
			String name = header.substring(i, equals).strip().toLowerCase(Locale.ROOT);
			int start = equals + 1;
			String value;
			if (start < header.length() && header.charAt(start) == '"') {
				int end = header.indexOf('"', start + 1);
				if (end < 0) {
					return null;
				}
				value = header.substring(start + 1, end);
				i = end + 1;
			}
			else {
				int end = header.indexOf(',', start);
				end = (end < 0) ? header.length() : end;
				value = header.substring(start, end).strip();
				i = end;
			}
			parameters.put(name, value);
			while (i < header.length() && (header.charAt(i) == ',' || header.charAt(i) == ' ')) {
				i++;
			}
		}
		String keyId = parameters.get("keyid");
		String signature = parameters.get("signature");
		if (keyId == null || signature == null) {
			return null;
		}
		try {
			List<String> headers = List.of(parameters.getOrDefault("headers", "date").toLowerCase(Locale.ROOT).strip()
				.split("\\s+"));
			return new Parsed(keyId, parameters.getOrDefault("algorithm", "hs2019").toLowerCase(Locale.ROOT), headers,
					Base64.getDecoder().decode(signature));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/** The lines signed, in the order listed; a header listed but absent makes the signature unverifiable. */
	static String signingString(List<String> names, String requestTarget,
			Function<String, @Nullable String> header) {
		StringBuilder lines = new StringBuilder();
		for (String name : names) {
			String value = name.equals("(request-target)") ? requestTarget : header.apply(name);
			if (value == null) {
				throw new IllegalArgumentException("signed header absent: " + name);
			}
			if (!lines.isEmpty()) {
				lines.append('\n');
			}
			lines.append(name).append(": ").append(value.strip());
		}
		return lines.toString();
	}

	private static byte[] sign(String signingString, PrivateKey key) {
		try {
			Signature signer = Signature.getInstance("SHA256withRSA");
			signer.initSign(key);
			signer.update(signingString.getBytes(StandardCharsets.UTF_8));
			return signer.sign();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("A stored private key cannot sign", ex);
		}
	}

	static String hostOf(URI target) {
		return (target.getPort() < 0) ? target.getHost() : target.getHost() + ":" + target.getPort();
	}

	static String pathAndQuery(URI target) {
		String path = (target.getRawPath() == null || target.getRawPath().isEmpty()) ? "/" : target.getRawPath();
		return (target.getRawQuery() == null) ? path : path + "?" + target.getRawQuery();
	}

}
