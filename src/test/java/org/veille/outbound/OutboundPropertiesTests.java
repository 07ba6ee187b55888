package org.veille.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.mock.env.MockEnvironment;

class OutboundPropertiesTests {

	@Test
	void shouldBindTheDocumentedDefaults() {
		OutboundProperties bound = bind(Map.of());

		assertThat(bound).isEqualTo(OutboundProperties.defaults());
		assertThat(bound.allowPrivateAddresses()).isFalse();
		assertThat(bound.allowsPort(80)).isTrue();
		assertThat(bound.allowsPort(443)).isTrue();
		assertThat(bound.allowsPort(8080)).isFalse();
	}

	@Test
	void shouldBindPortsAndRangesOfPorts() {
		OutboundProperties bound = bind(Map.of("veille.outbound.allowed-ports", "443, 8000-8999",
				"veille.outbound.allow-private-addresses", "true", "veille.outbound.connect-timeout", "2s"));

		assertThat(bound.allowsPort(443)).isTrue();
		assertThat(bound.allowsPort(8000)).isTrue();
		assertThat(bound.allowsPort(8999)).isTrue();
		assertThat(bound.allowsPort(80)).isFalse();
		assertThat(bound.allowsPort(9000)).isFalse();
		assertThat(bound.allowPrivateAddresses()).isTrue();
		assertThat(bound.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
	}

	@Test
	void shouldRefuseSettingsTheClientCannotWorkWith() {
		assertThatThrownBy(() -> bind(Map.of("veille.outbound.allowed-ports", "0"))).isInstanceOf(BindException.class);
		assertThatThrownBy(() -> bind(Map.of("veille.outbound.allowed-ports", "9000-8000")))
			.isInstanceOf(BindException.class);
		assertThatThrownBy(() -> bind(Map.of("veille.outbound.allowed-ports", "http")))
			.isInstanceOf(BindException.class);
		assertThatThrownBy(() -> bind(Map.of("veille.outbound.connect-timeout", "0s")))
			.isInstanceOf(BindException.class);
		assertThatThrownBy(() -> bind(Map.of("veille.outbound.user-agent", "Veille\nX-Evil: 1")))
			.isInstanceOf(BindException.class);
	}

	@Test
	void shouldStopAStartUpThatStillSetsAMovedSetting() {
		MockEnvironment environment = new MockEnvironment()
			.withProperty("veille.websub.allow-private-callbacks", "true")
			.withProperty("veille.fetch.allowed-ports", "80,443,8080");

		assertThatIllegalStateException().isThrownBy(() -> OutboundConfiguration.refuseMovedSettings(environment))
			.withMessageContaining("veille.fetch.allowed-ports is now veille.outbound.allowed-ports")
			.withMessageContaining("veille.websub.allow-private-callbacks is now veille.outbound.allow-private-addresses");
	}

	private static OutboundProperties bind(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("veille.outbound",
				OutboundProperties.class);
	}

}
