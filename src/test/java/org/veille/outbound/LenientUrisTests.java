package org.veille.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LenientUrisTests {

	private static final URI BASE = URI.create("http://a.example/b/c/d;p?q");

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource({
		"g, http://a.example/b/c/g", "./g, http://a.example/b/c/g", "/g, http://a.example/g",
		"//g.example/x, http://g.example/x", "?y, http://a.example/b/c/d;p?y", "g?y, http://a.example/b/c/g?y",
		"../g, http://a.example/b/g", "../../../g, http://a.example/g", "https://other.example, https://other.example",
		"'  /padded  ', http://a.example/padded", "/a b, http://a.example/a%20b", "/café, http://a.example/caf%C3%A9",
		"/100%, http://a.example/100%25", "/ok%20already, http://a.example/ok%20already"})
	void shouldResolveLikeBrowsers(String reference, String expected) {
		assertThat(LenientUris.resolve(BASE, reference)).isEqualTo(URI.create(expected));
	}

	@ParameterizedTest
	@ValueSource(strings = {"javascript:alert(1)", "data:text/html,hi", "mailto:a@b.example", "/relative", "ftp://x/",
		"http://", "http:relative"})
	void shouldAcceptOnlyAbsoluteHttpUrls(String text) {
		assertThat(LenientUris.parseHttp(text)).isNull();
	}
}
