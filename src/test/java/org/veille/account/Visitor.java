package org.veille.account;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Someone at one address talking to the real server over HTTP, with their own session cookie. The
 * address travels in {@code X-Forwarded-For}, which the test context trusts from loopback
 * ({@code server.forward-headers-strategy=native}), so that each test has addresses of its own.
 */
final class Visitor {

	/** One client for every visitor: HTTP/1.1, no redirects followed, cookies kept by each visitor. */
	private static final HttpClient HTTP = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final String site;

	private final String address;

	private final Map<String, String> cookies = new LinkedHashMap<>();

	Visitor(int port, String address) {
		this.site = "http://127.0.0.1:" + port;
		this.address = address;
	}

	/** An IPv4 address of the benchmarking range (RFC 2544): never a real visitor's, unique enough per run. */
	static String randomIpv4() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return "198." + random.nextInt(18, 20) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
	}

	/** The first four groups of an IPv6 /64 in the documentation range (RFC 3849), to append a host part to. */
	static String randomIpv6Network() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return "2001:db8:" + Integer.toHexString(random.nextInt(0x10000)) + ":"
				+ Integer.toHexString(random.nextInt(0x10000));
	}

	/** Opens the page of a form, keeping its session cookie, and returns its CSRF token. */
	String openForm(String path) {
		HttpResponse<String> page = send(request(path).GET());
		assertThat(page.statusCode()).as("GET %s", path).isEqualTo(200);
		Matcher token = CSRF.matcher(page.body());
		assertThat(token.find()).as("a CSRF token on %s", path).isTrue();
		return token.group(1);
	}

	/** Sends a form as a browser would, with the token of a form opened before. */
	HttpResponse<String> submit(String path, String csrfToken, Map<String, String> fields) {
		Map<String, String> all = new LinkedHashMap<>(fields);
		all.put("_csrf", csrfToken);
		String body = all.entrySet()
			.stream()
			.map((field) -> encode(field.getKey()) + "=" + encode(field.getValue()))
			.collect(Collectors.joining("&"));
		return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	/** Reads an API address with HTTP Basic credentials. */
	HttpResponse<String> getWithBasic(String path, String login, String password) {
		String credentials = Base64.getEncoder()
			.encodeToString((login + ":" + password).getBytes(StandardCharsets.UTF_8));
		return send(request(path).header("Authorization", "Basic " + credentials).GET());
	}

	private HttpRequest.Builder request(String path) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(this.site + path))
			.timeout(Duration.ofSeconds(60))
			.header("X-Forwarded-For", this.address);
		if (!this.cookies.isEmpty()) {
			builder.header("Cookie", this.cookies.entrySet()
				.stream()
				.map((cookie) -> cookie.getKey() + "=" + cookie.getValue())
				.collect(Collectors.joining("; ")));
		}
		return builder;
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
			for (String cookie : response.headers().allValues("Set-Cookie")) {
				String pair = cookie.split(";", 2)[0];
				int equals = pair.indexOf('=');
				this.cookies.put(pair.substring(0, equals).strip(), pair.substring(equals + 1).strip());
			}
			return response;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

}
