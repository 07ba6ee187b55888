package org.veille.link;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class UrlNormalizerTests {

	@ParameterizedTest(name = "[{index}] {0}")
	@CsvSource(delimiter = '|', textBlock = """
			HTTPS://Example.ORG/Path                         | https://example.org/Path                 | https://example.org/Path
			https://example.org                              | https://example.org/                     | https://example.org/
			https://example.org:443/a                        | https://example.org/a                    | https://example.org/a
			http://example.org:80/a                          | http://example.org/a                     | http://example.org/a
			http://example.org:8080/a                        | http://example.org:8080/a                | http://example.org:8080/a
			https://example.org:80/a                         | https://example.org:80/a                 | https://example.org:80/a
			https://www.example.org/a                        | https://www.example.org/a                | https://example.org/a
			https://WWW.Example.org/a                        | https://www.example.org/a                | https://example.org/a
			https://www.org/a                                | https://www.org/a                        | https://www.org/a
			https://example.org/a#section                    | https://example.org/a                    | https://example.org/a
			https://example.org/a?utm_source=x&id=3          | https://example.org/a?id=3               | https://example.org/a?id=3
			https://example.org/a?fbclid=1&gclid=2           | https://example.org/a                    | https://example.org/a
			https://example.org/a?UTM_Medium=x&b=1           | https://example.org/a?b=1                | https://example.org/a?b=1
			https://example.org/a?b=2&a=1                    | https://example.org/a?b=2&a=1            | https://example.org/a?a=1&b=2
			https://example.org/a?b=2&&a=1&                  | https://example.org/a?b=2&a=1            | https://example.org/a?a=1&b=2
			https://example.org/a?                           | https://example.org/a                    | https://example.org/a
			https://example.org/a/                           | https://example.org/a/                   | https://example.org/a
			https://example.org/a/?x=1                       | https://example.org/a/?x=1               | https://example.org/a?x=1
			https://example.org/                             | https://example.org/                     | https://example.org/
			https://example.org/a/./b/../c                   | https://example.org/a/c                  | https://example.org/a/c
			https://example.org/../../a                      | https://example.org/a                    | https://example.org/a
			https://example.org/%7euser/%41                  | https://example.org/~user/A              | https://example.org/~user/A
			https://example.org/a%2fb                        | https://example.org/a%2Fb                | https://example.org/a%2Fb
			https://example.org/a b                          | https://example.org/a%20b                | https://example.org/a%20b
			https://example.org/100%                         | https://example.org/100%25               | https://example.org/100%25
			https://example.org/été                          | https://example.org/%C3%A9t%C3%A9        | https://example.org/%C3%A9t%C3%A9
			https://café.example/menu                        | https://xn--caf-dma.example/menu         | https://xn--caf-dma.example/menu
			https://user:secret@example.org/a                | https://example.org/a                    | https://example.org/a
			https://example.org./a                           | https://example.org/a                    | https://example.org/a
			https://[2001:DB8::1]:8443/a                     | https://[2001:db8::1]:8443/a             | https://[2001:db8::1]:8443/a
			https://example.org\\a\\b                        | https://example.org/a/b                  | https://example.org/a/b
			https://example.org/a?q=caf%c3%a9&x=a+b          | https://example.org/a?q=caf%C3%A9&x=a+b  | https://example.org/a?q=caf%C3%A9&x=a+b
			https://example.org/a?%75tm_source=x             | https://example.org/a                    | https://example.org/a
			""")
	void shouldNormalize(String url, String fetchUrl, String key) {
		NormalizedUrl normalized = UrlNormalizer.normalize(url).orElseThrow();

		assertThat(normalized.fetchUrl()).isEqualTo(fetchUrl);
		assertThat(normalized.key()).isEqualTo(key);
	}

	@ParameterizedTest
	@ValueSource(strings = { "ftp://example.org/a", "javascript:alert(1)", "example.org/a", "https://", "https:///a",
			"https://example.org:0/", "https://example.org:65536/", "https://example.org:http/", "https://exa mple.org/",
			"https://[::1/", "https://ex%41mple.org/", "https://a..b/" })
	void shouldRefuseWhatIsNotAnHttpUrlWithAHost(String url) {
		assertThat(UrlNormalizer.normalize(url)).isEmpty();
	}

	@Test
	void shouldGiveOneKeyToSpellingsOfOnePage() {
		assertThat(UrlNormalizer.normalize("https://WWW.example.org/a/?b=2&a=1&utm_source=feed#top").orElseThrow().key())
			.isEqualTo(UrlNormalizer.normalize("https://example.org:443/a?a=1&b=2").orElseThrow().key());
	}

	@Test
	void shouldListTheSiteAndEveryPathPrefix() {
		NormalizedUrl url = UrlNormalizer.normalize("https://www.example.org/blog//2026/11/?page=2").orElseThrow();

		assertThat(url.host()).isEqualTo("example.org");
		assertThat(url.sitePath()).isEqualTo("/blog/2026/11");
		assertThat(url.sitePrefixes()).containsExactly("", "/blog", "/blog/2026", "/blog/2026/11");
		assertThat(url.isWholeSitePath()).isFalse();
		assertThat(UrlNormalizer.normalize("https://example.org/blog/").orElseThrow().isWholeSitePath()).isTrue();
	}

	@Test
	void shouldStopSitePrefixesAtTheDepthAndLengthLimits() {
		NormalizedUrl deep = UrlNormalizer.normalize("https://example.org/1/2/3/4/5/6/7/8/9/10").orElseThrow();
		NormalizedUrl long_ = UrlNormalizer.normalize("https://example.org/a/" + "b".repeat(600)).orElseThrow();

		assertThat(deep.sitePrefixes()).hasSize(NormalizedUrl.MAX_SITE_DEPTH + 1).endsWith("/1/2/3/4/5/6/7/8");
		assertThat(deep.isWholeSitePath()).isFalse();
		assertThat(long_.sitePrefixes()).containsExactly("", "/a");
	}

	@Test
	void shouldReadSiteHostsAndPathsAsTypedInVeilleUrls() {
		assertThat(UrlNormalizer.siteHost("WWW.Café.example")).contains("xn--caf-dma.example");
		assertThat(UrlNormalizer.siteHost("example.org:8080")).isEmpty();
		assertThat(UrlNormalizer.siteHost("bad host")).isEmpty();
		assertThat(UrlNormalizer.sitePath("/blog//été/")).isEqualTo("/blog/%C3%A9t%C3%A9");
		assertThat(UrlNormalizer.sitePath("")).isEmpty();
		assertThat(NormalizedUrl.displayHost("xn--caf-dma.example")).isEqualTo("café.example");
	}

}
