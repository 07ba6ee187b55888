package org.veille.web;

import java.net.URI;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@code veille.public-url} is checked at start-up: an http or https address of a site's root, nothing else.
 */
class PublicUrlPropertiesTests {

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource({ "https://veille.example.org, https://veille.example.org",
			"https://veille.example.org/, https://veille.example.org",
			"HTTPS://Veille.Example.ORG, https://veille.example.org",
			"http://localhost:8080, http://localhost:8080" })
	void shouldTakeTheAddressOfASitesRoot(String given, String kept) {
		assertThat(new PublicUrlProperties(URI.create(given)).publicUrl()).isEqualTo(URI.create(kept));
	}

	@ParameterizedTest
	@ValueSource(strings = { "ftp://veille.example.org", "veille.example.org", "https:///nohost",
			"https://veille.example.org/veille", "https://veille.example.org/?a=1", "https://veille.example.org/#top",
			"https://someone:secret@veille.example.org" })
	void shouldRefuseAnythingElseSayingWhatIsExpected(String given) {
		assertThatIllegalArgumentException().isThrownBy(() -> new PublicUrlProperties(URI.create(given)))
			.withMessageContaining("veille.public-url must be an http or https address")
			.withMessageContaining("https://veille.example.org");
	}

}
