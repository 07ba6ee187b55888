package org.veille.federation;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Signs a request by RFC 9421 for the tests, as Fedify does, built by hand here (string formatting, no structured
 * field code of Veille's): {@code Content-Digest}, {@code Signature-Input}, {@code Signature}. Each setting can be
 * bent to make a bad request.
 */
final class Rfc9421Signer {

	String label = "sig1";

	List<String> components = new ArrayList<>(List.of("@method", "@target-uri", "@authority", "content-digest"));

	Instant created = Instant.now();

	String extraParameters = "";

	String algorithm = "rsa-v1_5-sha256";

	String digestAlgorithm = "sha-256";

	private final String keyId;

	private final PrivateKey key;

	Rfc9421Signer(String keyId, PrivateKey key) {
		this.keyId = keyId;
		this.key = key;
	}

	static String contentDigest(String algorithm, byte[] body) throws GeneralSecurityException {
		String java = algorithm.equals("sha-512") ? "SHA-512" : "SHA-256";
		return algorithm + "=:" + Base64.getEncoder().encodeToString(MessageDigest.getInstance(java).digest(body)) + ":";
	}

	Map<String, String> headers(String method, URI target, byte[] body) throws GeneralSecurityException {
		Map<String, String> headers = new LinkedHashMap<>();
		if (body != null) {
			headers.put("Content-Digest", contentDigest(this.digestAlgorithm, body));
		}
		if (this.components.contains("date")) {
			headers.put("Date", HttpSignatures.HTTP_DATE.format(this.created));
		}
		StringBuilder list = new StringBuilder("(");
		for (String component : this.components) {
			list.append(list.length() > 1 ? " " : "").append('"').append(component).append('"');
		}
		String parameters = list + ");created=" + this.created.getEpochSecond() + ";keyid=\"" + this.keyId + "\";alg=\""
				+ this.algorithm + "\"" + this.extraParameters;
		StringBuilder base = new StringBuilder();
		for (String component : this.components) {
			String value = switch (component) {
				case "@method" -> method;
				case "@target-uri" -> target.toString();
				case "@authority" -> target.getRawAuthority();
				case "@path" -> target.getRawPath();
				case "content-digest" -> headers.get("Content-Digest");
				case "date" -> headers.get("Date");
				default -> "absent";
			};
			base.append('"').append(component).append("\": ").append(value).append('\n');
		}
		base.append("\"@signature-params\": ").append(parameters);
		Signature rsa = Signature.getInstance("SHA256withRSA");
		rsa.initSign(this.key);
		rsa.update(base.toString().getBytes(StandardCharsets.UTF_8));
		headers.put("Signature-Input", this.label + "=" + parameters);
		headers.put("Signature", this.label + "=:" + Base64.getEncoder().encodeToString(rsa.sign()) + ":");
		return headers;
	}

}
