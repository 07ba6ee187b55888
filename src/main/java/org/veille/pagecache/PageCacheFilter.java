package org.veille.pagecache;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;

import com.github.benmanes.caffeine.cache.Cache;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.ContentCachingResponseWrapper;

import org.veille.web.PageInMemory;

/**
 * Serves a page again from memory while nothing it shows has changed: the tag, thread, person, site and
 * search pages and their feeds, for each reader apart (a signed-in reader's pages carry their session's
 * CSRF token and their own buttons, so they are kept under their session). Runs after Spring Security,
 * so every request is still authenticated and gets its security headers. A page is kept only when it was
 * a 200 (or a 304 to a conditional GET) that set no cookie and showed no one-time notice; it is dropped
 * when something it shows changes ({@link PageKeys}, {@link PageVersions}), and after
 * {@code veille.page-cache.time-to-live} at the latest (trending tags move with time). Its relative times
 * are written afresh each time it is served ({@link RelativeTimes}), and it is compressed once for the readers who
 * accept gzip ({@link KeptCompression}).
 */
class PageCacheFilter extends OncePerRequestFilter {

	private static final Pattern MESSAGE = Pattern.compile("/messages/\\d+(/feed)?");

	private static final Pattern PERSON = Pattern.compile("/people/[^/]+(/only)?(/feed)?");

	/**
	 * The most characters a key may hold (address, path, parameters, validator...): a longer request is still
	 * answered, but not kept. The longest address Veille writes is well under it; a padded query or
	 * {@code If-None-Match} would otherwise fill the memory with copies nobody asks for again.
	 */
	static final int LARGEST_KEY = 2_048;

	private final Cache<PageKey, CachedPage> pages;

	private final PageVersions versions;

	private final RelativeTimes times;

	private final LocaleResolver locales;

	private final KeptCompression compression;

	private final int largestPage;

	/** Whether {@code veille.public-url} is set: every page then holds the same absolute addresses. */
	private final boolean onePublicAddress;

	/** Pages served from memory, and pages rendered that might have been (the metrics read both). */
	private final LongAdder hits = new LongAdder();

	private final LongAdder misses = new LongAdder();

	PageCacheFilter(Cache<PageKey, CachedPage> pages, PageVersions versions, RelativeTimes times,
			LocaleResolver locales, KeptCompression compression, int largestPage, boolean onePublicAddress) {
		this.pages = pages;
		this.versions = versions;
		this.times = times;
		this.locales = locales;
		this.compression = compression;
		this.largestPage = largestPage;
		this.onePublicAddress = onePublicAddress;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!isPageRequest(request) || request.getHeader(HttpHeaders.IF_MODIFIED_SINCE) != null
				|| !this.versions.isTrustworthy()) {
			chain.doFilter(request, response);
			return;
		}
		long renderedAt = this.versions.current();
		Instant renderingFrom = this.times.now();
		PageKey key = key(request);
		if (key.characters() > LARGEST_KEY) {
			chain.doFilter(request, response);
			return;
		}
		CachedPage cached = isReload(request) ? null : this.pages.getIfPresent(key);
		if (cached != null && this.versions.isFresh(cached.renderedAt(), cached.keys())) {
			this.hits.increment();
			cached.writeTo(response, this.times, this.compression, this.compression.isAcceptedBy(request));
			return;
		}
		this.misses.increment();
		PageKeys shown = PageSubjects.of(request.getRequestURI());
		request.setAttribute(PageKeys.ATTRIBUTE, shown);
		PageInMemory capture = new PageInMemory(response);
		try {
			chain.doFilter(request, capture);
			// A page that opened a session holds its CSRF token: not one to give to readers without a session.
			if (isKeepable(request, capture) && shown.hasSubject() && sessionOf(request).equals(key.session())) {
				byte[] body = capture.getContentAsByteArray();
				CachedPage kept = CachedPage.of(renderedAt, shown.keys(), capture,
						this.times.split(body, isUtf8Html(capture), capture.getLocale(), renderingFrom));
				this.pages.put(key, kept);
				if (this.compression.isAcceptedBy(request)) {
					// Compressed here once, for the next readers too, rather than by Tomcat now and here later.
					capture.resetBuffer();
					kept.writeTo(response, this.times, this.compression, true);
				}
			}
		}
		finally {
			request.removeAttribute(PageKeys.ATTRIBUTE);
			capture.copyBodyToResponse();
		}
	}

	private static boolean isUtf8Html(HttpServletResponse response) {
		String type = response.getContentType();
		return type != null && type.startsWith("text/html")
				&& StandardCharsets.UTF_8.name().equalsIgnoreCase(response.getCharacterEncoding());
	}

	long hits() {
		return this.hits.sum();
	}

	long misses() {
		return this.misses.sum();
	}

	Cache<PageKey, CachedPage> pages() {
		return this.pages;
	}

	/** A reader's forced reload asks every cache on the way for a fresh copy (RFC 9111 §5.2.1.4). */
	static boolean isReload(HttpServletRequest request) {
		String cacheControl = request.getHeader(HttpHeaders.CACHE_CONTROL);
		return (cacheControl != null && cacheControl.contains("no-cache")) || request.getHeader(HttpHeaders.PRAGMA) != null;
	}

	private static String sessionOf(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		return (session != null) ? session.getId() : "";
	}

	private PageKey key(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		String validator = request.getHeader(HttpHeaders.IF_NONE_MATCH);
		String origin = this.onePublicAddress ? ""
				: request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort();
		return new PageKey((session != null) ? session.getId() : "", this.locales.resolveLocale(request).getLanguage(),
				origin, request.getRequestURI(), parameters(request), (validator != null) ? validator : "");
	}

	/** The request's parameters, each name and value encoded so that no two lists read the same. */
	private static String parameters(HttpServletRequest request) {
		StringBuilder parameters = new StringBuilder();
		request.getParameterMap().forEach((name, values) -> {
			for (String value : values) {
				parameters.append(URLEncoder.encode(name, StandardCharsets.UTF_8))
					.append('=')
					.append(URLEncoder.encode(value, StandardCharsets.UTF_8))
					.append('&');
			}
		});
		return parameters.toString();
	}

	/** A HEAD is answered from a kept GET, never kept itself: its answer may carry no body. */
	private boolean isKeepable(HttpServletRequest request, ContentCachingResponseWrapper response) {
		int status = response.getStatus();
		return "GET".equals(request.getMethod()) && (status == HttpServletResponse.SC_OK || status == HttpServletResponse.SC_NOT_MODIFIED)
				&& response.getHeader(HttpHeaders.SET_COOKIE) == null
				&& request.getAttribute(DispatcherServlet.INPUT_FLASH_MAP_ATTRIBUTE) == null
				&& response.getContentSize() <= this.largestPage;
	}

	/**
	 * A GET or HEAD of one of the pages kept: what both this filter and the page turns ({@code web.TakingTurns}) handle.
	 * A HEAD renders the page as a GET does (the server drops the body), so it is counted and served alike.
	 */
	static boolean isPageRequest(HttpServletRequest request) {
		String method = request.getMethod();
		return ("GET".equals(method) || "HEAD".equals(method)) && isCacheable(request.getRequestURI());
	}

	private static boolean isCacheable(String path) {
		return path.equals("/") || path.equals("/all") || path.equals("/all/feed") || path.equals("/tags")
				|| path.equals("/search") || path.equals("/search/feed") || path.startsWith("/tag/")
				|| path.startsWith("/sites/") || MESSAGE.matcher(path).matches() || PERSON.matcher(path).matches();
	}

	/**
	 * Whose page, in which language, at which address (feeds hold absolute links; none when
	 * {@code veille.public-url} is set, as all pages then name the same), with its query, and the validator a
	 * feed reader sent: a 304 is kept for those who send the same.
	 */
	record PageKey(String session, String language, String origin, String path, String parameters,
			String ifNoneMatch) {

		int characters() {
			return this.session.length() + this.language.length() + this.origin.length() + this.path.length()
					+ this.parameters.length() + this.ifNoneMatch.length();
		}

		/** Its size in memory, rounded up: the record and its strings. */
		int weight() {
			return Footprint.OBJECT + Footprint.of(this.session) + Footprint.of(this.language)
					+ Footprint.of(this.origin) + Footprint.of(this.path) + Footprint.of(this.parameters)
					+ Footprint.of(this.ifNoneMatch);
		}

	}

}
