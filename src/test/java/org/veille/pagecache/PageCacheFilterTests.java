package org.veille.pagecache;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;

import com.github.benmanes.caffeine.cache.Cache;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.web.server.Compression;
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
 * too large to be worth keeping is answered without being kept. A kept page goes compressed to the readers who
 * accept gzip, on Tomcat's rules, compressed once for the relative times it shows.
 */
class PageCacheFilterTests {

	private static final DataSize MAX_SIZE = DataSize.ofKilobytes(256);

	static final PageCacheProperties PROPERTIES = new PageCacheProperties(true, MAX_SIZE, DataSize.ofKilobytes(512),
			Duration.ofSeconds(60), 0);

	/** As application.properties sets it (Spring Boot's 2 KB at least). */
	static final KeptCompression COMPRESSION = KeptCompression.of(enabledCompression());

	private final Cache<PageKey, CachedPage> pages = PageCacheConfiguration.pages(PROPERTIES);

	private final PageVersions versions = new PageVersions(PROPERTIES);

	private final PageCacheFilter filter = new PageCacheFilter(this.pages, this.versions,
			relativeTimes(), new AcceptHeaderLocaleResolver(), COMPRESSION, 512 * 1024, false);

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

	@Test
	void shouldSendAKeptPageCompressedToReadersWhoAcceptGzip() throws Exception {
		String page = "<!DOCTYPE html><p>" + "Une page assez longue pour être compressée. ".repeat(100) + "</p>";
		AtomicInteger rendered = new AtomicInteger();
		FilterChain render = html(page, rendered);

		MockHttpServletResponse first = serve(gzipped(new MockHttpServletRequest("GET", "/all")), render);
		MockHttpServletResponse again = serve(gzipped(new MockHttpServletRequest("GET", "/all")), render);
		MockHttpServletResponse plain = serve(new MockHttpServletRequest("GET", "/all"), render);

		assertThat(rendered).hasValue(1);
		for (MockHttpServletResponse compressed : List.of(first, again)) {
			assertThat(compressed.getHeader(HttpHeaders.CONTENT_ENCODING)).isEqualTo("gzip");
			assertThat(compressed.getHeaders(HttpHeaders.VARY)).contains("accept-encoding");
			assertThat(compressed.getContentLength()).isEqualTo(compressed.getContentAsByteArray().length);
			assertThat(gunzip(compressed.getContentAsByteArray())).isEqualTo(page);
		}
		assertThat(again.getContentAsByteArray()).hasSizeLessThan(page.length() / 5);
		assertThat(plain.getHeader(HttpHeaders.CONTENT_ENCODING)).isNull();
		assertThat(plain.getContentAsString()).isEqualTo(page);
	}

	@Test
	void shouldSendAsTheyAreWhatTomcatWouldNotCompress() throws Exception {
		FilterChain small = html("<!DOCTYPE html><p>Courte.</p>", new AtomicInteger());
		serve(gzipped(new MockHttpServletRequest("GET", "/all")), small);
		String page = "<!DOCTYPE html><p>" + "Assez longue. ".repeat(300) + "</p>";
		FilterChain large = html(page, new AtomicInteger());
		serve(new MockHttpServletRequest("GET", "/tags"), large);

		MockHttpServletResponse tooSmall = serve(gzipped(new MockHttpServletRequest("GET", "/all")), small);
		MockHttpServletRequest brotli = new MockHttpServletRequest("GET", "/tags");
		brotli.addHeader(HttpHeaders.ACCEPT_ENCODING, "br, identity");
		MockHttpServletRequest garbled = new MockHttpServletRequest("GET", "/tags");
		garbled.addHeader(HttpHeaders.ACCEPT_ENCODING, "gzip;q=\"un\"\"deux");

		assertThat(tooSmall.getHeader(HttpHeaders.CONTENT_ENCODING)).isNull();
		assertThat(tooSmall.getContentAsString()).isEqualTo("<!DOCTYPE html><p>Courte.</p>");
		for (MockHttpServletRequest request : List.of(brotli, garbled)) {
			MockHttpServletResponse answer = serve(request, large);
			assertThat(answer.getStatus()).isEqualTo(HttpServletResponse.SC_OK);
			assertThat(answer.getHeader(HttpHeaders.CONTENT_ENCODING)).isNull();
			assertThat(answer.getContentAsString()).isEqualTo(page);
		}
	}

	@Test
	void shouldCompressAPageAgainOnlyWhenItsRelativeTimesReadOtherwise() {
		CachedPage.GzippedCopy copy = new CachedPage.GzippedCopy();
		AtomicInteger compressed = new AtomicInteger();

		byte[] first = copy.of(List.of("3 minutes ago"), () -> new byte[] { (byte) compressed.incrementAndGet() });
		byte[] again = copy.of(List.of("3 minutes ago"), () -> new byte[] { (byte) compressed.incrementAndGet() });
		byte[] later = copy.of(List.of("4 minutes ago"), () -> new byte[] { (byte) compressed.incrementAndGet() });

		assertThat(again).isSameAs(first);
		assertThat(later).containsExactly(2);
		assertThat(compressed).hasValue(2);
	}

	@Test
	void shouldFollowTomcatsRulesForWhatToCompress() {
		assertThat(COMPRESSION.appliesTo("text/html;charset=UTF-8", 4096, null)).isTrue();
		assertThat(COMPRESSION.appliesTo("application/atom+xml;charset=UTF-8", 4096, "W/\"1-2\"")).isTrue();
		assertThat(COMPRESSION.appliesTo("text/html;charset=UTF-8", 4096, "\"strong\"")).isFalse();
		assertThat(COMPRESSION.appliesTo("text/html;charset=UTF-8", 100, null)).isFalse();
		assertThat(COMPRESSION.appliesTo("image/png", 4096, null)).isFalse();
		assertThat(COMPRESSION.appliesTo(null, 4096, null)).isFalse();
		assertThat(KeptCompression.of(new Compression()).appliesTo("text/html", 4096, null)).as("compression off")
			.isFalse();
	}

	private static Compression enabledCompression() {
		Compression compression = new Compression();
		compression.setEnabled(true);
		compression.setMimeTypes(
				new String[] { "text/html", "text/css", "application/javascript", "application/atom+xml" });
		return compression;
	}

	private static MockHttpServletRequest gzipped(MockHttpServletRequest request) {
		request.addHeader(HttpHeaders.ACCEPT_ENCODING, "gzip, deflate, br");
		return request;
	}

	private static FilterChain html(String page, AtomicInteger rendered) {
		return (request, response) -> {
			rendered.incrementAndGet();
			response.setContentType("text/html;charset=UTF-8");
			response.getWriter().write(page);
		};
	}

	private static String gunzip(byte[] compressed) throws IOException {
		try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
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
