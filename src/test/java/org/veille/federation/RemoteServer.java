package org.veille.federation;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Another ActivityPub server for the tests, on loopback: one actor ({@code /users/alice}) with a key pair of its own,
 * found by WebFinger, a shared inbox that keeps what it receives, and signed POSTs to Veille's inboxes.
 */
final class RemoteServer implements AutoCloseable {

	record Received(String method, String path, Map<String, List<String>> headers, byte[] body) {

		String header(String name) {
			return this.headers.entrySet().stream().filter((entry) -> entry.getKey().equalsIgnoreCase(name))
				.map((entry) -> entry.getValue().get(0)).findFirst().orElse(null);
		}

		String text() {
			return new String(this.body, StandardCharsets.UTF_8);
		}

	}

	final KeyPair keys;

	final List<Received> received = new CopyOnWriteArrayList<>();

	/** What the inboxes answer. */
	volatile int inboxStatus = 202;

	/** The accounts its actor says it also is (a Move's target lists the account moved). */
	volatile List<String> alsoKnownAs = List.of();
	/**
	 * Whether the inboxes take RFC 9421 signatures; when not (the default, as a server that knows only draft-cavage),
	 * a POST carrying Signature-Input is answered 401 and kept in {@link #refused} only.
	 */
	volatile boolean takesRfc9421;

	/** The POSTs answered 401 for their RFC 9421 signature. */
	final List<Received> refused = new CopyOnWriteArrayList<>();

	/** The paths of the GETs answered. */
	final List<String> fetched = new CopyOnWriteArrayList<>();

	/** The GETs received, with their headers. */
	final List<Received> gets = new CopyOnWriteArrayList<>();

	/**
	 * Whether GETs must be signed (authorized fetch): the signer's key is fetched unsigned from its address and the
	 * draft-cavage signature checked by {@link CavageCheck}; 401 otherwise.
	 */
	volatile boolean requireSignedGets;

	private final HttpServer server;

	private final HttpClient http = HttpClient.newHttpClient();

	private final String username;

	RemoteServer(String username) throws IOException {
		this.username = username;
		this.keys = newKeys();
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
		this.server.createContext("/", this::answer);
		this.server.start();
	}

	String base() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	String host() {
		return "127.0.0.1:" + this.server.getAddress().getPort();
	}

	String actorId() {
		return base() + "/users/" + this.username;
	}

	String keyId() {
		return actorId() + "#main-key";
	}

	ObjectNode actorDocument() {
		ObjectNode actor = JsonNodeFactory.instance.objectNode();
		actor.putArray("@context").add("https://www.w3.org/ns/activitystreams").add("https://w3id.org/security/v1");
		actor.put("id", actorId());
		actor.put("type", "Person");
		actor.put("preferredUsername", this.username);
		actor.put("inbox", actorId() + "/inbox");
		actor.putObject("endpoints").put("sharedInbox", base() + "/inbox");
		actor.put("url", base() + "/@" + this.username);
		if (!this.alsoKnownAs.isEmpty()) {
			this.alsoKnownAs.forEach(actor.putArray("alsoKnownAs")::add);
		}
		ObjectNode key = actor.putObject("publicKey");
		key.put("id", keyId());
		key.put("owner", actorId());
		key.put("publicKeyPem", Pem.encode("PUBLIC KEY", this.keys.getPublic().getEncoded()));
		return actor;
	}

	/** POSTs a body signed with this server's key, as Mastodon signs. */
	HttpResponse<String> post(URI inbox, byte[] body) throws Exception {
		return post(inbox, body, HttpSignatures.signedPost(inbox, body, keyId(), this.keys.getPrivate(), Instant.now()));
	}

	HttpResponse<String> post(URI inbox, byte[] body, Map<String, String> headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(inbox)
			.header("Content-Type", "application/activity+json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		headers.forEach((name, value) -> {
			if (!name.equalsIgnoreCase("host")) {
				request.header(name, value);
			}
		});
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** The activities received at this path so far, parsed. */
	List<tools.jackson.databind.JsonNode> activitiesAt(String path) {
		return this.received.stream().filter((r) -> r.path().equals(path))
			.map((r) -> ActivityStreams.JSON.readTree(r.body())).toList();
	}

	/**
	 * Whether Veille's draft-cavage signature on this request holds with the key its actor document publishes: read
	 * here with a regular expression and java.security, apart from Veille's own signature code.
	 */
	boolean signedBy(Received request, PublicKey key) {
		return CavageCheck.holds(request.header("Signature"), request.header("Digest"), request.body(),
				request.method(), request.path(), request::header, key);
	}

	private void answer(HttpExchange exchange) throws IOException {
		try (exchange) {
			String path = exchange.getRequestURI().getPath();
			if ("POST".equals(exchange.getRequestMethod())) {
				Received post = new Received("POST", path, Map.copyOf(exchange.getRequestHeaders()),
						exchange.getRequestBody().readAllBytes());
				if (post.header("Signature-Input") != null && !this.takesRfc9421) {
					this.refused.add(post);
					exchange.sendResponseHeaders(401, -1);
					return;
				}
				this.received.add(post);
				exchange.sendResponseHeaders(this.inboxStatus, -1);
				return;
			}
			this.fetched.add(path);
			Received get = new Received("GET", path, Map.copyOf(exchange.getRequestHeaders()), new byte[0]);
			this.gets.add(get);
			if (path.equals("/.well-known/webfinger")) {
				answerWebFinger(exchange);
				return;
			}
			if (this.requireSignedGets && !signedGet(get)) {
				exchange.sendResponseHeaders(401, -1);
				return;
			}
			if (path.equals("/users/" + this.username)) {
				byte[] body = ActivityStreams.bytes(actorDocument());
				exchange.getResponseHeaders().set("Content-Type", "application/activity+json");
				exchange.sendResponseHeaders(200, body.length);
				exchange.getResponseBody().write(body);
				return;
			}
			exchange.sendResponseHeaders(404, -1);
		}
	}

	/** WebFinger (RFC 7033) for {@code acct:<username>@<host>} only, as Mastodon answers it. */
	private void answerWebFinger(HttpExchange exchange) throws IOException {
		String query = exchange.getRequestURI().getQuery();
		String expected = "resource=acct:" + this.username + "@" + host();
		if (query == null || !query.equals(expected)) {
			exchange.sendResponseHeaders(404, -1);
			return;
		}
		ObjectNode jrd = JsonNodeFactory.instance.objectNode();
		jrd.put("subject", "acct:" + this.username + "@" + host());
		jrd.putArray("links").addObject().put("rel", "self").put("type", "application/activity+json")
			.put("href", actorId());
		byte[] body = ActivityStreams.bytes(jrd);
		exchange.getResponseHeaders().set("Content-Type", "application/jrd+json");
		exchange.sendResponseHeaders(200, body.length);
		exchange.getResponseBody().write(body);
	}

	/**
	 * Whether Veille's RFC 9421 signature on this request holds with this key: the Signature-Input read with regular
	 * expressions, the base written out here, java.security for the rest (none of Veille's signature code).
	 */
	boolean signedByRfc9421(Received request, PublicKey key) {
		try {
			Matcher input = Pattern.compile("sig1=(\\(([^)]*)\\)(;.*))")
				.matcher(request.header("Signature-Input"));
			Matcher signature = Pattern.compile("sig1=:([A-Za-z0-9+/=]+):")
				.matcher(request.header("Signature"));
			if (!input.matches() || !signature.matches() || !input.group(3).contains(";keyid=")) {
				return false;
			}
			String digest = "sha-256=:" + Base64.getEncoder()
				.encodeToString(MessageDigest.getInstance("SHA-256").digest(request.body())) + ":";
			if (!digest.equals(request.header("Content-Digest"))) {
				return false;
			}
			StringBuilder base = new StringBuilder();
			for (String quoted : input.group(2).split(" ")) {
				String name = quoted.substring(1, quoted.length() - 1);
				String value = switch (name) {
					case "@method" -> "POST";
					case "@target-uri" -> base() + request.path();
					case "@authority" -> host();
					default -> request.header(name);
				};
				base.append(quoted).append(": ").append(value).append('\n');
			}
			base.append("\"@signature-params\": ").append(input.group(1));
			if (!input.group(2).contains("\"content-digest\"") || !input.group(2).contains("\"@target-uri\"")) {
				return false;
			}
			Signature rsa = Signature.getInstance("SHA256withRSA");
			rsa.initVerify(key);
			rsa.update(base.toString().getBytes(StandardCharsets.UTF_8));
			return rsa.verify(Base64.getDecoder().decode(signature.group(1)));
		}
		catch (Exception ex) {
			return false;
		}
	}

	private boolean signedGet(Received get) {
		String signature = get.header("Signature");
		if (signature == null) {
			return false;
		}
		Map<String, String> parameters = CavageCheck.parameters(signature);
		String headers = parameters.getOrDefault("headers", "");
		if (!headers.contains("(request-target)") || !headers.contains("host") || !headers.contains("date")) {
			return false;
		}
		try {
			HttpResponse<String> key = this.http.send(HttpRequest.newBuilder(URI.create(parameters.get("keyId")))
				.header("Accept", "application/activity+json")
				.build(), HttpResponse.BodyHandlers.ofString());
			String pem = ActivityStreams.JSON.readTree(key.body()).get("publicKey").get("publicKeyPem").asString();
			byte[] der = Base64.getMimeDecoder()
				.decode(pem.replaceAll("-----[A-Z ]+-----", ""));
			PublicKey publicKey = KeyFactory.getInstance("RSA")
				.generatePublic(new X509EncodedKeySpec(der));
			return CavageCheck.holds(signature, null, null, "GET", get.path(), get::header, publicKey);
		}
		catch (Exception ex) {
			return false;
		}
	}

	static KeyPair newKeys() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return generator.generateKeyPair();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
