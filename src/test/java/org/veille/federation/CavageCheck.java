package org.veille.federation;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A draft-cavage signature checked the way another server would, written apart from Veille's {@link HttpSignatures}
 * so that a mistake there cannot hide itself in the tests: a regular expression for the header, java.security for
 * the rest.
 */
final class CavageCheck {

	private static final Pattern PARAMETER = Pattern.compile("(\\w+)=\"([^\"]*)\"");

	private CavageCheck() {
	}

	static Map<String, String> parameters(String signature) {
		Map<String, String> parameters = new HashMap<>();
		Matcher matcher = PARAMETER.matcher(signature);
		while (matcher.find()) {
			parameters.put(matcher.group(1), matcher.group(2));
		}
		return parameters;
	}

	/** Date and Signature for a GET, signed over (request-target), host and date, as Mastodon signs its fetches. */
	static Map<String, String> signGet(URI target, String keyId, PrivateKey key)
			throws GeneralSecurityException {
		String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC));
		String signed = "(request-target): get " + target.getRawPath() + "\nhost: " + target.getRawAuthority() + "\ndate: "
				+ date;
		Signature rsa = Signature.getInstance("SHA256withRSA");
		rsa.initSign(key);
		rsa.update(signed.getBytes(StandardCharsets.UTF_8));
		return Map.of("Date", date, "Signature", "keyId=\"" + keyId + "\",algorithm=\"rsa-sha256\","
				+ "headers=\"(request-target) host date\",signature=\"" + Base64.getEncoder().encodeToString(rsa.sign()) + "\"");
	}

	/** Whether the signature holds with this key; a body's Digest must match it and be signed. */
	static boolean holds(String signature, String digest, byte[] body, String method, String path,
			Function<String, String> header, PublicKey key) {
		try {
			if (signature == null) {
				return false;
			}
			Map<String, String> parameters = parameters(signature);
			String headers = parameters.get("headers");
			if (body != null && body.length > 0) {
				String expected = "SHA-256=" + Base64.getEncoder()
					.encodeToString(MessageDigest.getInstance("SHA-256").digest(body));
				if (!expected.equals(digest) || !headers.contains("digest")) {
					return false;
				}
			}
			StringBuilder signed = new StringBuilder();
			for (String name : headers.split(" ")) {
				if (!signed.isEmpty()) {
					signed.append('\n');
				}
				String value = name.equals("(request-target)") ? method.toLowerCase() + " " + path : header.apply(name);
				signed.append(name).append(": ").append(value);
			}
			Signature rsa = Signature.getInstance("SHA256withRSA");
			rsa.initVerify(key);
			rsa.update(signed.toString().getBytes(StandardCharsets.UTF_8));
			return rsa.verify(Base64.getDecoder().decode(parameters.get("signature")));
		}
		catch (Exception ex) {
			return false;
		}
	}

}
