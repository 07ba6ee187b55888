package org.veille.operations;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.DispatcherServlet;

import org.veille.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every request gets an id, sent back in {@code X-Request-Id} and written in each line logged for it: here the
 * lines Spring MVC logs at debug level about the request, which Veille's code does not write itself.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class RequestIdIntegrationTests {

	private static final String LOGGER = DispatcherServlet.class.getName();

	@LocalServerPort
	private int port;

	private final LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());

	@BeforeEach
	void logRequestsInDetail() {
		this.logging.setLogLevel(LOGGER, LogLevel.DEBUG);
	}

	@AfterEach
	void logAsBefore() {
		this.logging.setLogLevel(LOGGER, null);
	}

	@Test
	void shouldWriteTheProxysRequestIdInEveryLineOfTheRequest(CapturedOutput output) {
		HttpResponse<String> response = Http.get(this.port, "/login", "X-Request-Id", "proxy-4f2a.17");

		assertThat(response.headers().firstValue("X-Request-Id")).hasValue("proxy-4f2a.17");
		assertThat(output.getOut().lines().filter((line) -> line.contains("GET \"/login\"")))
			.isNotEmpty()
			.allSatisfy((line) -> assertThat(line).contains("[proxy-4f2a.17] "));
		assertThat(output.getOut().lines().filter((line) -> line.contains("Completed 200 OK")))
			.anySatisfy((line) -> assertThat(line).contains("[proxy-4f2a.17] "));
	}

	@Test
	void shouldGiveARequestWithoutAnIdARandomOne(CapturedOutput output) {
		String first = Http.get(this.port, "/login").headers().firstValue("X-Request-Id").orElseThrow();
		String second = Http.get(this.port, "/login").headers().firstValue("X-Request-Id").orElseThrow();

		assertThat(first).matches("[0-9a-f]{16}").isNotEqualTo(second);
		assertThat(output.getOut()).contains("[" + first + "] ", "[" + second + "] ");
	}

	@ParameterizedTest
	@ValueSource(strings = { "with space", "<script>", "a\u00e9b", "0123456789012345678901234567890123456789012345678901234567890123456789" })
	void shouldReplaceAnIdThatIsNotAShortToken(String sent) {
		String id = Http.get(this.port, "/login", "X-Request-Id", sent).headers().firstValue("X-Request-Id").orElseThrow();

		assertThat(id).matches("[0-9a-f]{16}");
	}

	@Test
	void shouldKeepTheIdOnAnErrorPage() {
		HttpResponse<String> response = Http.get(this.port, "/messages/0", "X-Request-Id", "lost-0");

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("X-Request-Id")).hasValue("lost-0");
	}

}
