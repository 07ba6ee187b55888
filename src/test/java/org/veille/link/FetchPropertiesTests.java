package org.veille.link;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import org.veille.link.fetch.FetchSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FetchPropertiesTests {

	@Test
	void shouldBindTheDocumentedDefaults() {
		FetchProperties bound = bind(Map.of());

		assertThat(bound).isEqualTo(FetchProperties.defaults());
		assertThat(bound.settings()).isEqualTo(FetchSettings.defaults());
		assertThat(bound.enabled()).isTrue();
	}

	@Test
	void shouldBindEverySetting() {
		FetchProperties bound = bind(Map.of("veille.fetch.workers", "8", "veille.fetch.total-timeout", "20s",
				"veille.fetch.max-body-size", "1MB", "veille.fetch.user-agent", "Veille/0.1 (+https://veille.example.org)",
				"veille.fetch.lease", "5m", "veille.fetch.refetch-after", "7d"));

		assertThat(bound.workers()).isEqualTo(8);
		assertThat(bound.settings().totalTimeout()).isEqualTo(Duration.ofSeconds(20));
		assertThat(bound.settings().maxBodyBytes()).isEqualTo(1024 * 1024);
		assertThat(bound.settings().userAgent()).isEqualTo("Veille/0.1 (+https://veille.example.org)");
		assertThat(bound.refetchAfter()).isEqualTo(Duration.ofDays(7));
	}

	@Test
	void shouldRefuseALeaseShorterThanTwoFetches() {
		assertThatThrownBy(() -> bind(Map.of("veille.fetch.lease", "20s"))).isInstanceOf(BindException.class)
			.rootCause()
			.hasMessageContaining("veille.fetch.lease");
	}

	@Test
	void shouldRefuseSettingsTheFetcherCannotWorkWith() {
		assertThatThrownBy(() -> bind(Map.of("veille.fetch.user-agent", "Veille\nX-Evil: 1")))
			.isInstanceOf(BindException.class);
		assertThatThrownBy(() -> bind(Map.of("veille.fetch.total-timeout", "0s"))).isInstanceOf(BindException.class);
	}

	private static FetchProperties bind(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("veille.fetch",
				FetchProperties.class);
	}

}
