package org.veille.operations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.veille.support.TestPeople;

/**
 * A browser's cookies against real servers on loopback: a cookie is sent to every port of 127.0.0.1, as
 * browsers do (cookies ignore ports), so one client signed in on one instance is the same person on another.
 * Redirects are not followed, so that a test sees each answer.
 */
final class CookieClient {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final CookieManager cookies = new CookieManager();

	private final HttpClient http = HttpClient.newBuilder()
		.cookieHandler(this.cookies)
		.version(HttpClient.Version.HTTP_1_1)
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	HttpResponse<String> get(int port, String path) {
		return send(HttpRequest.newBuilder(uri(port, path)).GET());
	}

	HttpResponse<String> post(int port, String path, Map<String, String> fields) {
		StringJoiner body = new StringJoiner("&");
		fields.forEach((name, value) -> body.add(encode(name) + "=" + encode(value)));
		return send(HttpRequest.newBuilder(uri(port, path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body.toString())));
	}

	/** Signs a new person up through the form; the answer redirects home when it worked. */
	/** Signs a new person up, then in (a sign-up does not sign in); the sign-in answer, or the sign-up's if it failed. */
	HttpResponse<String> signUp(int port, String login) {
		String token = csrfOf(get(port, "/signup").body());
		HttpResponse<String> signedUp = post(port, "/signup",
				Map.of("_csrf", token, "login", login, "email", login + "@example.org", "password", TestPeople.PASSWORD));
		return (signedUp.statusCode() == 302) ? signIn(port, login) : signedUp;
	}

	HttpResponse<String> signIn(int port, String login) {
		String token = csrfOf(get(port, "/login").body());
		return post(port, "/login", Map.of("_csrf", token, "username", login, "password", TestPeople.PASSWORD));
	}

	/** Posts through the form of {@code /post}; the answer redirects to the new thread. */
	HttpResponse<String> postMessage(int port, String text) {
		String token = csrfOf(get(port, "/post").body());
		return post(port, "/post", Map.of("_csrf", token, "text", text));
	}

	Optional<String> cookie(String name) {
		return this.cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter((cookie) -> cookie.getName().equals(name))
			.map(HttpCookie::getValue)
			.findFirst();
	}

	static String csrfOf(String html) {
		Matcher matcher = CSRF.matcher(html);
		if (!matcher.find()) {
			throw new IllegalStateException("No CSRF token in the page: " + html);
		}
		return matcher.group(1);
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return this.http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static URI uri(int port, String path) {
		return URI.create("http://127.0.0.1:" + port + path);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
