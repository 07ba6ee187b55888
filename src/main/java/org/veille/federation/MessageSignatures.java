package org.veille.federation;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.veille.federation.InboxVerifier.Unverified;
import org.veille.federation.StructuredFields.Bytes;
import org.veille.federation.StructuredFields.InnerList;
import org.veille.federation.StructuredFields.Item;
import org.veille.federation.StructuredFields.Member;

/**
 * RFC 9421 HTTP Message Signatures, as Fedify and Mastodon send them: {@code Signature-Input} and {@code Signature}
 * dictionaries, algorithm {@code rsa-v1_5-sha256}, covering {@code @method}, the target ({@code @target-uri}, or
 * {@code @authority} and {@code @path}) and, with a body, {@code content-digest} (RFC 9530, sha-256 or sha-512).
 * Only the first signature listed is checked; every label must be in both fields.
 */
final class MessageSignatures {

	static final String ALGORITHM = "rsa-v1_5-sha256";

	private MessageSignatures() {
	}

	/**
	 * The headers to send with a POST signed by RFC 9421, as Fedify signs: Content-Digest (sha-256), Signature-Input
	 * and Signature over {@code @method}, {@code @target-uri}, {@code @authority} and {@code content-digest}.
	 */
	static Map<String, String> signedPost(URI target, byte[] body, String keyId, PrivateKey key, Instant now) {
		String digest = "sha-256=:" + Base64.getEncoder().encodeToString(hash("SHA-256", body)) + ":";
		Map<String, Object> parameters = new LinkedHashMap<>();
		parameters.put("created", now.getEpochSecond());
		parameters.put("keyid", keyId);
		parameters.put("alg", ALGORITHM);
		List<String> components = List.of("@method", "@target-uri", "@authority", "content-digest");
		InnerList input = new InnerList(components.stream().map((name) -> new Item(name, Map.of())).toList(), parameters);
		String base = "\"@method\": POST\n\"@target-uri\": " + target + "\n\"@authority\": "
				+ target.getRawAuthority().toLowerCase(Locale.ROOT) + "\n\"content-digest\": " + digest
				+ "\n\"@signature-params\": " + StructuredFields.serialize(input);
		byte[] signature;
		try {
			Signature signer = Signature.getInstance("SHA256withRSA");
			signer.initSign(key);
			signer.update(base.getBytes(StandardCharsets.UTF_8));
			signature = signer.sign();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("A stored private key cannot sign", ex);
		}
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("Content-Digest", digest);
		headers.put("Signature-Input", "sig1=" + StructuredFields.serialize(input));
		headers.put("Signature", "sig1=:" + Base64.getEncoder().encodeToString(signature) + ":");
		return headers;
	}

	/** A signature read and its base built: what is left is to check it with the signer's key. */
	record Read(String keyId, byte[] base, byte[] signature) {
	}

	static Read read(ReceivedRequest request, Instant now, Duration window) throws Unverified {
		Map<String, Member> inputs = dictionary(request, "Signature-Input");
		Map<String, Member> signatures = dictionary(request, "Signature");
		if (inputs.isEmpty()) {
			throw new Unverified("The Signature-Input header names no signature.");
		}
		for (String label : inputs.keySet()) {
			if (!signatures.containsKey(label)) {
				throw new Unverified("Signature-Input names the signature " + label + ", which Signature lacks.");
			}
		}
		for (String label : signatures.keySet()) {
			if (!inputs.containsKey(label)) {
				throw new Unverified("Signature holds the signature " + label + ", which Signature-Input does not describe.");
			}
		}
		String label = inputs.keySet().iterator().next();
		if (!(inputs.get(label) instanceof InnerList input)) {
			throw new Unverified("Signature-Input's " + label + " is not a list of components.");
		}
		if (!(signatures.get(label) instanceof Item item) || !(item.value() instanceof Bytes signature)) {
			throw new Unverified("Signature's " + label + " is not a byte sequence.");
		}
		String keyId = stringParameter(input, "keyid", label);
		String algorithm = input.parameters().containsKey("alg") ? stringParameter(input, "alg", label) : ALGORITHM;
		if (!algorithm.equals(ALGORITHM)) {
			throw new Unverified("The algorithm " + algorithm + " is not taken here: sign with " + ALGORITHM + ".");
		}
		checkTimes(input, label, now, window);
		List<String> components = components(input, label);
		checkCovered(components, request.body() != null);
		if (request.body() != null) {
			checkContentDigest(request.header("Content-Digest"), request.body());
		}
		return new Read(keyId, base(request, components, input).getBytes(StandardCharsets.UTF_8), signature.value());
	}

	private static Map<String, Member> dictionary(ReceivedRequest request, String name) throws Unverified {
		String field = request.header(name);
		if (field == null) {
			throw new Unverified("Signature-Input was sent without " + name + ".");
		}
		try {
			return StructuredFields.dictionary(field);
		}
		catch (StructuredFields.Malformed ex) {
			throw new Unverified("The " + name + " header is not a structured field (RFC 8941): " + ex.getMessage() + ".");
		}
	}

	private static String stringParameter(InnerList input, String name, String label) throws Unverified {
		if (!(input.parameters().get(name) instanceof String value) || value.isEmpty()) {
			throw new Unverified("The signature " + label + " has no " + name + " (a string).");
		}
		return value;
	}

	/** {@code created} is required (it plays the part of draft-cavage's Date); {@code expires} is honoured. */
	private static void checkTimes(InnerList input, String label, Instant now, Duration window) throws Unverified {
		if (!(input.parameters().get("created") instanceof Long created)) {
			throw new Unverified("The signature " + label + " has no created time (an integer).");
		}
		if (Duration.between(Instant.ofEpochSecond(created), now).abs().compareTo(window) > 0) {
			throw new Unverified("The signature was created more than " + window.toHours() + " hours from now.");
		}
		Object expires = input.parameters().get("expires");
		if (expires != null && !(expires instanceof Long)) {
			throw new Unverified("The signature's expires is not an integer.");
		}
		if (expires instanceof Long at && now.isAfter(Instant.ofEpochSecond(at))) {
			throw new Unverified("The signature expired.");
		}
	}

	private static List<String> components(InnerList input, String label) throws Unverified {
		Set<String> seen = new HashSet<>();
		List<String> names = new ArrayList<>();
		for (Item component : input.items()) {
			if (!(component.value() instanceof String name) || !name.equals(name.toLowerCase(Locale.ROOT))) {
				throw new Unverified("The signature " + label + " lists a component that is not a lower-case string.");
			}
			if (!component.parameters().isEmpty()) {
				throw new Unverified("Component parameters (" + name + ";…) are not taken here.");
			}
			if (!seen.add(name)) {
				throw new Unverified("The signature " + label + " lists " + name + " twice.");
			}
			names.add(name);
		}
		return names;
	}

	private static void checkCovered(List<String> components, boolean hasBody) throws Unverified {
		boolean target = components.contains("@target-uri")
				|| (components.contains("@authority") && (components.contains("@path")
						|| components.contains("@request-target")));
		if (!components.contains("@method") || !target) {
			throw new Unverified("The signature must cover @method and @target-uri (or @authority and @path).");
		}
		if (hasBody && !components.contains("content-digest")) {
			throw new Unverified("The signature must cover content-digest.");
		}
	}

	/** RFC 9530: every sha-256 and sha-512 digest given must match, and one of them must be given. */
	static void checkContentDigest(@Nullable String field, byte[] body) throws Unverified {
		if (field == null) {
			throw new Unverified("Send a Content-Digest of the body (sha-256 or sha-512).");
		}
		Map<String, Member> digests;
		try {
			digests = StructuredFields.dictionary(field);
		}
		catch (StructuredFields.Malformed ex) {
			throw new Unverified("The Content-Digest header is not a structured field (RFC 8941): " + ex.getMessage() + ".");
		}
		boolean checked = false;
		for (Map.Entry<String, Member> digest : digests.entrySet()) {
			String algorithm = switch (digest.getKey()) {
				case "sha-256" -> "SHA-256";
				case "sha-512" -> "SHA-512";
				default -> null;
			};
			if (algorithm == null) {
				continue;
			}
			if (!(digest.getValue() instanceof Item item) || !(item.value() instanceof Bytes given)
					|| !MessageDigest.isEqual(given.value(), hash(algorithm, body))) {
				throw new Unverified("The Content-Digest header does not match the body (" + digest.getKey() + ").");
			}
			checked = true;
		}
		if (!checked) {
			throw new Unverified("The Content-Digest header holds neither sha-256 nor sha-512.");
		}
	}

	static byte[] hash(String algorithm, byte[] body) {
		try {
			return MessageDigest.getInstance(algorithm).digest(body);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Every JDK has " + algorithm, ex);
		}
	}

	/** RFC 9421 section 2.5: one line per component, then {@code @signature-params}. */
	private static String base(ReceivedRequest request, List<String> components, InnerList input) throws Unverified {
		StringBuilder base = new StringBuilder();
		for (String component : components) {
			base.append('"').append(component).append("\": ").append(value(request, component)).append('\n');
		}
		return base.append("\"@signature-params\": ").append(StructuredFields.serialize(input)).toString();
	}

	private static String value(ReceivedRequest request, String component) throws Unverified {
		String query = request.target().getRawQuery();
		String path = (request.target().getRawPath() == null || request.target().getRawPath().isEmpty()) ? "/"
				: request.target().getRawPath();
		String value = switch (component) {
			case "@method" -> request.method().toUpperCase(Locale.ROOT);
			case "@target-uri" -> request.target().toString();
			case "@authority" -> request.target().getRawAuthority().toLowerCase(Locale.ROOT);
			case "@scheme" -> request.target().getScheme().toLowerCase(Locale.ROOT);
			case "@path" -> path;
			case "@query" -> "?" + ((query != null) ? query : "");
			case "@request-target" -> request.pathAndQuery();
			default -> {
				if (component.startsWith("@")) {
					throw new Unverified("The component " + component + " is not taken here.");
				}
				yield request.header(component);
			}
		};
		if (value == null) {
			throw new Unverified("The signature covers " + component + ", which the request lacks.");
		}
		return value;
	}

}
