package org.veille.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HttpTargetTests {

	@Test
	void shouldUseDefaultPortsAndRootPath() {
		assertThat(HttpTarget.of(URI.create("http://example.org"))).isEqualTo(
				new HttpTarget(false, "example.org", 80, "/"));
		assertThat(HttpTarget.of(URI.create("HTTPS://Example.ORG/a?b=c#frag"))).isEqualTo(
				new HttpTarget(true, "example.org", 443, "/a?b=c"));
	}

	@Test
	void shouldTellTheSchemesDefaultPort() {
		assertThat(HttpTarget.of(URI.create("http://example.org:8080/")).hasDefaultPort()).isFalse();
		assertThat(HttpTarget.of(URI.create("https://example.org:443/")).hasDefaultPort()).isTrue();
		assertThat(HttpTarget.of(URI.create("http://[2606:4700::1]/")).hostName()).isEqualTo("2606:4700::1");
	}

	@Test
	void shouldReadHostsJavaFindsOdd() {
		assertThat(HttpTarget.of(URI.create("http://0x7f.1:8080/x")).host()).isEqualTo("0x7f.1");
		assertThat(HttpTarget.of(URI.create("http://0x7f.1:8080/x")).port()).isEqualTo(8080);
		assertThat(HttpTarget.of(URI.create("http://user@under_score.example/")).host())
				.isEqualTo("under_score.example");
	}

	@Test
	void shouldEncodeInternationalNamesAndPaths() throws Exception {
		HttpTarget target = HttpTarget.of(new URI("http://café.example/été?q=à"));

		assertThat(target.host()).isEqualTo("xn--caf-dma.example");
		assertThat(target.requestTarget()).isEqualTo("/%C3%A9t%C3%A9?q=%C3%A0");
	}

	@ParameterizedTest
	@ValueSource(strings = {"ftp://example.org/", "mailto:someone@example.org", "/relative", "file:///etc/passwd",
		"http:///nohost"})
	void shouldRefuseWhatIsNotHttp(String url) {
		assertThatIllegalArgumentException().isThrownBy(() -> HttpTarget.of(URI.create(url)));
	}
}
