package org.veille.markup;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class UrlCleanerTests {

	@ParameterizedTest(name = "[{index}] {0} -> {1}")
	@CsvSource(delimiter = '|', textBlock = """
			https://example.org/a?utm_source=x&id=3#frag                 | https://example.org/a?id=3#frag
			https://example.org/a?utm_source=x&utm_medium=y              | https://example.org/a
			https://example.org/a?UTM_Campaign=z&b=2                     | https://example.org/a?b=2
			https://example.org/a?b=2&fbclid=abc&c=3                     | https://example.org/a?b=2&c=3
			https://example.org/a?gclid=1                                | https://example.org/a
			https://example.org/a?mc_cid=1&mc_eid=2&page=4               | https://example.org/a?page=4
			https://example.org/a?utm_source=x#top                       | https://example.org/a#top
			https://example.org/a?z=1&y=2&x=3                            | https://example.org/a?z=1&y=2&x=3
			https://example.org/a?utm=1&utmost=2                         | https://example.org/a?utm=1&utmost=2
			https://example.org/a?id=3&&utm_term=t                       | https://example.org/a?id=3
			https://example.org/a#section?utm_source=x                   | https://example.org/a#section?utm_source=x
			https://example.org/a?                                       | https://example.org/a?
			https://example.org/a                                        | https://example.org/a
			https://example.org/a?fbclid                                 | https://example.org/a
			""")
	void shouldRemoveTrackingParametersOnly(String url, String cleaned) {
		assertThat(UrlCleaner.clean(url)).isEqualTo(cleaned);
	}

}
