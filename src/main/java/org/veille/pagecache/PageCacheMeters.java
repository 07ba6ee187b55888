package org.veille.pagecache;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.stereotype.Component;

import org.veille.web.TakingTurns;

/**
 * The page cache's metrics: {@code veille.page.cache.requests} (result {@code hit}: served from memory,
 * {@code miss}: rendered), {@code veille.page.cache.hit.ratio} since start, {@code veille.page.cache.evictions}
 * (pages dropped for room or age), {@code veille.page.cache.size} (pages kept) and {@code .weight} (bytes); and
 * {@code veille.page.concurrency.waiting}, the page requests waiting for a slot. Without the cache, only the last.
 */
@Component
class PageCacheMeters implements MeterBinder {

	private final ObjectProvider<FilterRegistrationBean<PageCacheFilter>> cacheFilter;

	private final ObjectProvider<FilterRegistrationBean<TakingTurns>> concurrencyFilter;

	PageCacheMeters(ObjectProvider<FilterRegistrationBean<PageCacheFilter>> cacheFilter,
			@Qualifier(PageCacheConfiguration.PAGE_TURNS) ObjectProvider<FilterRegistrationBean<TakingTurns>> concurrencyFilter) {
		this.cacheFilter = cacheFilter;
		this.concurrencyFilter = concurrencyFilter;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		this.concurrencyFilter.ifAvailable((registration) -> Gauge
			.builder("veille.page.concurrency.waiting", registration.getFilter(), TakingTurns::waiting)
			.description("Page requests waiting for their turn")
			.register(registry));
		this.cacheFilter.ifAvailable((registration) -> bindCache(registry, registration.getFilter()));
	}

	private static void bindCache(MeterRegistry registry, PageCacheFilter filter) {
		FunctionCounter.builder("veille.page.cache.requests", filter, PageCacheFilter::hits)
			.description("Page requests the cache could answer")
			.tag("result", "hit")
			.register(registry);
		FunctionCounter.builder("veille.page.cache.requests", filter, PageCacheFilter::misses)
			.description("Page requests the cache could answer")
			.tag("result", "miss")
			.register(registry);
		Gauge.builder("veille.page.cache.hit.ratio", filter, PageCacheMeters::hitRatio)
			.description("Share of page requests served from memory since start")
			.register(registry);
		FunctionCounter.builder("veille.page.cache.evictions", filter, (f) -> f.pages().stats().evictionCount())
			.description("Pages dropped from memory for room or age")
			.register(registry);
		Gauge.builder("veille.page.cache.size", filter, (f) -> f.pages().estimatedSize())
			.description("Pages kept in memory")
			.register(registry);
		Gauge.builder("veille.page.cache.weight", filter,
				(f) -> f.pages().policy().eviction().map((eviction) -> eviction.weightedSize().orElse(0)).orElse(0L))
			.description("Memory the kept pages take, roughly")
			.baseUnit("bytes")
			.register(registry);
	}

	private static double hitRatio(PageCacheFilter filter) {
		long hits = filter.hits();
		long all = hits + filter.misses();
		return (all == 0) ? 0 : (double) hits / all;
	}

}
