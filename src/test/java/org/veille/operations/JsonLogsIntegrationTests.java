package org.veille.operations;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;

import org.veille.VeilleApplication;
import org.veille.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With {@code logging.structured.format.console=ecs}, Veille logs one JSON object a line, and the lines of a
 * request carry its id as a field. The instance runs in a process of its own: the logging set-up is global to a
 * JVM, and the other tests read the plain format.
 */
@IntegrationTest
class JsonLogsIntegrationTests {

	private static final Pattern STARTED = Pattern.compile("Tomcat started on port(?:\\(s\\))?:? (\\d+)");

	@Autowired
	private JdbcConnectionDetails database;

	@Test
	void shouldWriteEachLineAsJsonWithTheRequestId() throws Exception {
		Process instance = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), VeilleApplication.class.getName(), "--spring.main.banner-mode=off",
				"--spring.datasource.url=" + this.database.getJdbcUrl(),
				"--spring.datasource.username=" + this.database.getUsername(),
				"--spring.datasource.password=" + Objects.requireNonNullElse(this.database.getPassword(), ""),
				"--veille.database.embedded.enabled=false", "--veille.fetch.enabled=false", "--server.port=0",
				"--management.server.port=0", "--logging.structured.format.console=ecs",
				"--logging.level.org.springframework.web.servlet.DispatcherServlet=debug")
			.redirectErrorStream(true)
			.start();
		List<String> lines = new CopyOnWriteArrayList<>();
		Thread reader = new Thread(() -> readLines(instance, lines), "json-logs-reader");
		reader.setDaemon(true);
		reader.start();
		try {
			await().atMost(Duration.ofSeconds(120))
				.until(() -> lines.stream().anyMatch((line) -> line.contains("Started VeilleApplication"))
						|| !instance.isAlive());
			assertThat(instance.isAlive()).as("started:\n%s", String.join("\n", lines)).isTrue();

			assertThat(ports(lines).stream()
				.map((port) -> Http.get(port, "/login", "X-Request-Id", "json-check-7").statusCode()))
				.contains(200);

			await().atMost(Duration.ofSeconds(10)).until(() -> lines.stream().anyMatch((line) -> line.contains("json-check-7")));
			JsonMapper json = JsonMapper.builder().build();
			List<JsonNode> ofTheRequest = lines.stream()
				.filter((line) -> line.contains("json-check-7"))
				.map(json::readTree)
				.toList();
			assertThat(ofTheRequest).isNotEmpty().allSatisfy((line) -> {
				assertThat(line.path("requestId").asString()).isEqualTo("json-check-7");
				assertThat(line.path("log").path("level").asString()).isNotEmpty();
				assertThat(line.path("message").asString()).isNotEmpty();
			});
			assertThat(lines.stream().filter((line) -> line.startsWith("{"))).hasSizeGreaterThan(5);
		}
		finally {
			instance.destroy();
			if (!instance.waitFor(30, TimeUnit.SECONDS)) {
				instance.destroyForcibly();
			}
			reader.join(5_000);
		}
	}

	/** The ports of the web server and of the management server. */
	private static List<Integer> ports(List<String> lines) {
		List<Integer> ports = new ArrayList<>();
		for (String line : lines) {
			Matcher started = STARTED.matcher(line);
			if (started.find()) {
				ports.add(Integer.parseInt(started.group(1)));
			}
		}
		return ports;
	}

	private static void readLines(Process process, List<String> lines) {
		try (BufferedReader out = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = out.readLine()) != null) {
				lines.add(line);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
