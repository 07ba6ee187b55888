package org.veille.link.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class FetchSettingsTests {

	private static final Duration SECOND = Duration.ofSeconds(1);

	@Test
	void shouldDefaultToSafeLimits() {
		FetchSettings defaults = FetchSettings.defaults();

		assertThat(defaults.totalTimeout()).isEqualTo(Duration.ofSeconds(15));
		assertThat(defaults.maxBodyBytes()).isEqualTo(2 * 1024 * 1024);
		assertThat(defaults.maxImageBytes()).isEqualTo(5 * 1024 * 1024);
		assertThat(defaults.maxRedirects()).isEqualTo(5);
		assertThat(defaults.userAgent()).startsWith("Veille/");
	}

	@Test
	void shouldRefuseNonsense() {
		assertThatIllegalArgumentException().isThrownBy(() -> settings(Duration.ZERO, 1024, "ua"));
		assertThatIllegalArgumentException().isThrownBy(() -> settings(SECOND, 0, "ua"));
		assertThatIllegalArgumentException().isThrownBy(() -> settings(SECOND, 1L << 40, "ua"));
		assertThatIllegalArgumentException().isThrownBy(() -> settings(SECOND, 1024, "  "));
	}

	@Test
	void shouldRefuseUserAgentThatCouldInjectHeaders() {
		assertThatIllegalArgumentException().isThrownBy(() -> settings(SECOND, 1024, "Veille\r\nX-Injected: yes"));
	}

	private static FetchSettings settings(Duration timeout, long maxBody, String userAgent) {
		return new FetchSettings(timeout, maxBody, maxBody, 5, userAgent);
	}
}
