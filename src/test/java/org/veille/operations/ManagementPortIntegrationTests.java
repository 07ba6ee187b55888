package org.veille.operations;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collections;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.veille.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

/**
 * Health, info and metrics answer on the management port, bound to loopback, and never on the public one.
 */
@IntegrationTest
class ManagementPortIntegrationTests {

	@LocalServerPort
	private int port;

	@LocalManagementPort
	private int managementPort;

	@Autowired
	private JdbcClient jdbc;

	@ParameterizedTest
	@ValueSource(strings = { "/actuator", "/actuator/health", "/actuator/health/readiness", "/actuator/info",
			"/actuator/prometheus", "/actuator/env", "/actuator/metrics" })
	void shouldAnswerNotFoundForTheActuatorOnThePublicPort(String path) {
		HttpResponse<String> response = Http.get(this.port, path);

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).doesNotContain("UP").doesNotContain("jvm_").doesNotContain("components");
	}

	@Test
	void shouldServeHealthInfoAndMetricsOnTheManagementPort() {
		assertThat(this.managementPort).isNotEqualTo(this.port);

		HttpResponse<String> liveness = Http.get(this.managementPort, "/actuator/health/liveness");
		HttpResponse<String> readiness = Http.get(this.managementPort, "/actuator/health/readiness");
		HttpResponse<String> info = Http.get(this.managementPort, "/actuator/info");
		HttpResponse<String> metrics = Http.get(this.managementPort, "/actuator/prometheus");

		assertThat(liveness.statusCode()).isEqualTo(200);
		assertThat(liveness.body()).contains("\"status\":\"UP\"");
		assertThat(readiness.statusCode()).isEqualTo(200);
		assertThat(readiness.body()).contains("\"status\":\"UP\"", "\"db\"", "\"pageChanges\"", "\"readinessState\"");
		assertThat(info.statusCode()).isEqualTo(200);
		assertThat(info.body()).contains("\"build\"", "\"version\"", "\"git\"", "\"commit\"");
		assertThat(metrics.statusCode()).isEqualTo(200);
		assertThat(metrics.body()).contains("jvm_memory_used_bytes", "veille_page_cache_requests_total");
	}

	@Test
	void shouldNotBeReachableOnAnAddressOtherThanLoopback() throws SocketException {
		Optional<InetAddress> other = nonLoopbackAddress();
		assumeThat(other).as("this machine has an address other than loopback").isPresent();

		assertThatExceptionOfType(IOException.class).isThrownBy(() -> {
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress(other.get(), this.managementPort), 2_000);
			}
		});
	}

	@Test
	void shouldNotBeReadyWhileThePageCacheCannotHearChanges() {
		int terminated = this.jdbc.sql("""
				select count(pg_terminate_backend(pid)) from pg_stat_activity
				where datname = current_database() and application_name = 'veille-change-listener'
				""").query(Integer.class).single();
		assertThat(terminated).as("change listeners cut off").isPositive();

		AtomicReference<HttpResponse<String>> notReady = new AtomicReference<>();
		await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(() -> {
			notReady.set(Http.get(this.managementPort, "/actuator/health/readiness"));
			return notReady.get().statusCode() == 503;
		});
		assertThat(notReady.get().body()).contains("\"pageChanges\":{\"status\":\"DOWN\"");
		assertThat(Http.get(this.managementPort, "/actuator/health/liveness").statusCode()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(20))
			.until(() -> Http.get(this.managementPort, "/actuator/health/readiness").statusCode() == 200);
	}

	private static Optional<InetAddress> nonLoopbackAddress() throws SocketException {
		for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
			if (!network.isUp() || network.isLoopback()) {
				continue;
			}
			for (InetAddress address : Collections.list(network.getInetAddresses())) {
				if (address instanceof Inet4Address) {
					return Optional.of(address);
				}
			}
		}
		return Optional.empty();
	}

}
