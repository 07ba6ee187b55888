package org.veille.pagecache;

import java.time.Clock;
import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.support.StaticMessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

import org.veille.pagecache.PageCacheFilter.PageKey;
import org.veille.web.RelativeTime;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cache's memory bound counts all a kept page holds, its key included, and a request whose key would be
 * too large to be worth keeping is answered without being kept.
 */
class PageCacheFilterTests {

	private static final DataSize MAX_SIZE = DataSize.ofKilobytes(256);

	static final PageCacheProperties PROPERTIES = new PageCacheProperties(true, MAX_SIZE, DataSize.ofKilobytes(512),
			Duration.ofSeconds(60), 0);

	private final Cache<PageKey, CachedPage> pages = PageCacheConfiguration.pages(PROPERTIES);

	private final PageVersions versions = new PageVersions(PROPERTIES);

	private final PageCacheFilter filter = new PageCacheFilter(this.pages, this.versions,
			relativeTimes(), new AcceptHeaderLocaleResolver(), 512 * 1024, false);

	/** A feed reader's copy is current: the answer is a 304, without a body. */
	private final FilterChain notModified = (request, response) -> ((HttpServletResponse) response)
		.setStatus(HttpServletResponse.SC_NOT_MODIFIED);

	@BeforeEach
	void listen() {
		this.versions.listening(true);
	}

	@Test
	void shouldStayWithinItsBoundWhenKeysAreLargerThanPages() throws Exception {
		for (int i = 0; i < 300; i++) {
			MockHttpServletRequest request = new MockHttpServletRequest("GET", "/all/feed");
			request.addHeader(HttpHeaders.IF_NONE_MATCH, "\"" + i + "\"" + " ".repeat(1_900));
			serve(request, this.notModified);
		}
		this.pages.cleanUp();

		long held = this.pages.asMap().entrySet().stream().mapToLong((entry) -> characters(entry.getKey())
				+ entry.getValue().parts().stream().mapToLong((part) -> part.length).sum()).sum();
		long weighed = this.pages.policy().eviction().orElseThrow().weightedSize().orElseThrow();
		assertThat(this.pages.estimatedSize()).isPositive();
		assertThat(weighed).as("the weight counted").isGreaterThanOrEqualTo(held);
		assertThat(held).as("bytes of keys and bodies kept").isLessThanOrEqualTo(MAX_SIZE.toBytes());
	}

	@Test
	void shouldAnswerWithoutKeepingARequestWhosePaddedValidatorIsTooLong() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/all/feed");
		request.addHeader(HttpHeaders.IF_NONE_MATCH, "\"1\"" + " ".repeat(7_000));

		MockHttpServletResponse response = serve(request, this.notModified);

		assertThat(response.getStatus()).isEqualTo(HttpServletResponse.SC_NOT_MODIFIED);
		assertThat(this.pages.estimatedSize()).isZero();
	}

	@Test
	void shouldAnswerWithoutKeepingARequestWhoseQueryIsTooLong() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/search");
		request.setQueryString("q=" + "a".repeat(7_000));
		request.setParameter("q", "a".repeat(7_000));

		MockHttpServletResponse response = serve(request, (req, res) -> res.getWriter().write("results"));

		assertThat(response.getStatus()).isEqualTo(HttpServletResponse.SC_OK);
		assertThat(response.getContentAsString()).isEqualTo("results");
		assertThat(this.pages.estimatedSize()).isZero();
	}

	static RelativeTimes relativeTimes() {
		Clock clock = Clock.systemUTC();
		return new RelativeTimes(new RelativeTime(new StaticMessageSource(), clock), clock);
	}

	private MockHttpServletResponse serve(MockHttpServletRequest request, FilterChain chain) throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.filter.doFilter(request, response, chain);
		return response;
	}

	/** The characters of a key: at least as many bytes in memory. */
	private static long characters(PageKey key) {
		return key.session().length() + key.language().length() + key.origin().length() + key.path().length()
				+ key.parameters().length() + key.ifNoneMatch().length();
	}

}
