package org.veille.pagecache;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.FilterChain;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page whose rendering opened a session is never kept: it holds that session's CSRF token, and it was keyed
 * as a page of readers without one. With sessions in PostgreSQL the session's cookie is only written once the
 * answer leaves, too late for the cache to see it among the headers.
 */
class PageCacheSessionTests {

	private final PageVersions versions = new PageVersions(PageCacheFilterTests.PROPERTIES);

	private final PageCacheFilter filter = new PageCacheFilter(Caffeine.newBuilder().build(), this.versions,
			PageCacheFilterTests.relativeTimes(), new AcceptHeaderLocaleResolver(),
			PageCacheFilterTests.COMPRESSION, 512 * 1024, false);

	private final AtomicInteger rendered = new AtomicInteger();

	@Test
	void shouldNotKeepAPageThatOpenedASession() throws Exception {
		this.versions.listening(true);
		FilterChain formWithToken = (request, response) -> {
			String session = ((jakarta.servlet.http.HttpServletRequest) request).getSession(true).getId();
			this.rendered.incrementAndGet();
			response.getOutputStream().write(("token of " + session).getBytes(StandardCharsets.UTF_8));
		};

		MockHttpServletResponse first = serve(formWithToken);
		MockHttpServletResponse second = serve(formWithToken);

		assertThat(this.rendered).hasValue(2);
		assertThat(second.getContentAsString()).isNotEqualTo(first.getContentAsString());
	}

	@Test
	void shouldKeepAPageOfReadersWithoutASession() throws Exception {
		this.versions.listening(true);
		FilterChain page = (request, response) -> {
			this.rendered.incrementAndGet();
			response.getOutputStream().write("the same for all".getBytes(StandardCharsets.UTF_8));
		};

		serve(page);
		MockHttpServletResponse second = serve(page);

		assertThat(this.rendered).hasValue(1);
		assertThat(second.getContentAsString()).isEqualTo("the same for all");
	}

	private MockHttpServletResponse serve(FilterChain chain) throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.filter.doFilter(new MockHttpServletRequest("GET", "/tags"), response, chain);
		return response;
	}

}
