package org.veille.pagecache;

import javax.sql.DataSource;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizers;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.web.servlet.LocaleResolver;

import org.veille.database.DatabaseTransactionManager;
import org.veille.pagecache.PageCacheFilter.PageKey;
import org.veille.web.PublicUrls;

/**
 * The page cache (unless {@code veille.page-cache.enabled=false}) and what keeps it right: the transaction
 * manager moves {@link PageVersions} after each write transaction commits, and {@link ChangeListener} after
 * each change any writer commits.
 */
@Configuration(proxyBeanMethods = false)
class PageCacheConfiguration {

	/** JPA's transaction manager, as Spring Boot would make it, telling the page cache of each commit. */
	@Bean
	JpaTransactionManager transactionManager(PageVersions versions,
			ObjectProvider<TransactionManagerCustomizers> customizers) {
		JpaTransactionManager manager = new DatabaseTransactionManager() {

			@Override
			protected void doCommit(DefaultTransactionStatus status) {
				super.doCommit(status);
				if (!status.isReadOnly()) {
					versions.changed();
				}
			}

		};
		customizers.ifAvailable((customizer) -> customizer.customize(manager));
		return manager;
	}

	/** Runs with the cache off too: the announcements also keep the site's name fresh on every instance. */
	@Bean
	ChangeListener pageChangeListener(DataSource dataSource, PageVersions versions,
			ApplicationEventPublisher events) {
		return new ChangeListener(dataSource, versions, events);
	}

	@Bean
	@ConditionalOnBooleanProperty(name = "veille.page-cache.enabled", matchIfMissing = true)
	Cache<PageKey, CachedPage> pageCache(PageCacheProperties properties) {
		return pages(properties);
	}

	@Bean
	@ConditionalOnBooleanProperty(name = "veille.page-cache.enabled", matchIfMissing = true)
	FilterRegistrationBean<PageCacheFilter> pageCacheFilter(Cache<PageKey, CachedPage> pageCache,
			PageCacheProperties properties, PageVersions versions, LocaleResolver localeResolver,
			PublicUrls publicUrls) {
		PageCacheFilter filter = new PageCacheFilter(pageCache, versions, localeResolver,
				(int) properties.largestPage().toBytes(), publicUrls.configured() != null);
		FilterRegistrationBean<PageCacheFilter> registration = new FilterRegistrationBean<>(filter);
		// Inside Spring Security's chain: the reader is known and the security headers are written.
		registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 2);
		return registration;
	}

	/** The kept pages, bounded by the memory they take, their keys included. */
	static Cache<PageKey, CachedPage> pages(PageCacheProperties properties) {
		return Caffeine.newBuilder()
			.maximumWeight(properties.maxSize().toBytes())
			.<PageKey, CachedPage>weigher((key, page) -> key.weight() + page.weight())
			.expireAfterWrite(properties.timeToLive())
			.recordStats()
			.build();
	}

	/**
	 * Before security and the cache, with the cache on or off: a page request waiting its turn holds no
	 * session or cache work yet, and rendering needs the limit most.
	 */
	@Bean
	FilterRegistrationBean<PageConcurrencyFilter> pageConcurrencyFilter(PageCacheProperties properties) {
		FilterRegistrationBean<PageConcurrencyFilter> registration = new FilterRegistrationBean<>(
				new PageConcurrencyFilter(properties.effectiveConcurrency()));
		registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1);
		return registration;
	}

}
