package org.veille.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.test.web.server.LocalServerPort;

import org.veille.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad addresses get the site's own error pages, through the real server (so that Spring Boot's
 * error dispatch runs as it does in production), never a stack trace.
 */
@IntegrationTest
class ErrorPagesIntegrationTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@ParameterizedTest(name = "{0} {1} -> {2}")
	@CsvSource({ "GET, /no/such/page, 404, Not found", "GET, /messages/999999999999, 404, Not found",
			"GET, /messages/not-a-number, 400, Bad request", "GET, /people/nobody-here-at-all, 404, Not found",
			"GET, /tag/, 404, Not found", "GET, /all?before=garbage, 400, Bad request",
			"GET, /tag/a%2Fb, 400, Bad request", "POST, /post, 403, Not allowed",
			"POST, /signup, 403, Not allowed", "DELETE, /, 403, Not allowed",
			"GET, /messages/99999999999999999999999, 400, Bad request" })
	void shouldAnswerWithAnErrorPageInTheSiteLayout(String method, String path, int status, String heading)
			throws Exception {
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.method(method, HttpRequest.BodyPublishers.noBody())
			.header("Accept", "text/html")
			.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(status);
		assertThat(response.body()).contains("<h1>" + heading + "</h1>")
			.contains("class=\"brand\"")
			.doesNotContain("Exception")
			.doesNotContain("at org.");
	}

}
