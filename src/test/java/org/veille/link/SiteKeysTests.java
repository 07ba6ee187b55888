package org.veille.link;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class SiteKeysTests {

	@ParameterizedTest(name = "{0} -> {1}")
	@MethodSource
	void shouldPlaceAUrlUnderItsHostAndItsFirstPathSegments(String url, List<String> sites) {
		assertThat(SiteKeys.of(url)).isEqualTo(sites);
	}

	static Stream<Arguments> shouldPlaceAUrlUnderItsHostAndItsFirstPathSegments() {
		return Stream.of(arguments("https://example.org", List.of("example.org")),
				arguments("https://example.org/", List.of("example.org")),
				arguments("https://www.Example.org/blog/", List.of("example.org", "example.org/blog")),
				arguments("http://example.org:8080/a/b?x=1#y", List.of("example.org", "example.org/a", "example.org/a/b")),
				arguments("https://user@example.org/a//b/c/d/e",
						List.of("example.org", "example.org/a", "example.org/a/b", "example.org/a/b/c")),
				arguments("https://blog.example.org/Billet", List.of("blog.example.org", "blog.example.org/Billet")),
				arguments("https://example.org?q=/a", List.of("example.org")));
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@MethodSource
	void shouldReadASiteAsPeopleTypeIt(String typed, String site) {
		assertThat(SiteKeys.parse(typed)).contains(site);
	}

	static Stream<Arguments> shouldReadASiteAsPeopleTypeIt() {
		return Stream.of(arguments("example.org", "example.org"), arguments(" Example.ORG ", "example.org"),
				arguments("https://www.example.org/blog/", "example.org/blog"),
				arguments("example.org/blog?page=2", "example.org/blog"),
				arguments("http://example.org:8080/a/b/c", "example.org/a/b/c"),
				arguments("exemple.fr/Été", "exemple.fr/Été"), arguments("localhost", "localhost"));
	}

	@ParameterizedTest(name = "[{index}] {0}")
	@ValueSource(strings = { "", "   ", "https://", "not a site", "example.org/a/b/c/d", ".example.org", "example.org.",
			"exa_mple.org", "example.org/with space", "/blog" })
	void shouldReadNoSiteFromWhatIsNone(String typed) {
		assertThat(SiteKeys.parse(typed)).isEmpty();
	}

}
