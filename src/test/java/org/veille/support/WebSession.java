package org.veille.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One person's browser against the real server: its own cookies (so its own session), forms sent
 * with the CSRF token read from the page, redirects not followed so that a test sees each answer.
 * For tests and benchmarks that go through Tomcat rather than MockMvc.
 */
public final class WebSession {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final Duration TIMEOUT = Duration.ofSeconds(90);

	private final HttpClient http;

	private final String site;

	public WebSession(int port) {
		this.site = "http://127.0.0.1:" + port;
		this.http = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(10))
			.build();
	}

	/**
	 * A new person signed up through the form, then signed in through the sign-in form in this session (a sign-up
	 * does not sign in: it sends a confirmation link); the sign-in answer, or the sign-up's when that failed.
	 */
	public HttpResponse<String> signUp(String login) {
		String token = csrfOf(get("/signup").body());
		HttpResponse<String> signedUp = post("/signup", Map.of("_csrf", token, "login", login, "email",
				login + "@example.org", "password", TestPeople.PASSWORD));
		if (signedUp.statusCode() != 302) {
			return signedUp;
		}
		return post("/login", Map.of("_csrf", csrfOf(get("/login").body()), "username", login, "password",
				TestPeople.PASSWORD));
	}

	/** Posts this text through the posting form of {@code /post}, as the signed-in person. */
	public HttpResponse<String> postMessage(String text) {
		return postMessage(csrfOf(get("/post").body()), text);
	}

	/** The same with a token read before, as a browser that has the form open already. */
	public HttpResponse<String> postMessage(String csrfToken, String text) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("_csrf", csrfToken);
		form.put("origin", "post");
		form.put("text", text);
		return post("/post", form);
	}

	/** The CSRF token of the posting form, to post later without reading the form each time. */
	public String postingToken() {
		return csrfOf(get("/post").body());
	}

	public HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(URI.create(this.site + path)).header("Accept", "text/html").GET());
	}

	public HttpResponse<String> post(String path, Map<String, String> fields) {
		StringJoiner body = new StringJoiner("&");
		fields.forEach((name, value) -> body.add(encode(name) + "=" + encode(value)));
		return send(HttpRequest.newBuilder(URI.create(this.site + path))
			.header("Accept", "text/html")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body.toString())));
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return this.http.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for the server", ex);
		}
	}

	public static String csrfOf(String html) {
		Matcher matcher = CSRF.matcher(html);
		if (!matcher.find()) {
			throw new IllegalStateException("No CSRF token in the page: " + html);
		}
		return matcher.group(1);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
