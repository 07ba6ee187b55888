package org.veille.pagecache;

import java.sql.PreparedStatement;
import java.time.Duration;

import javax.sql.DataSource;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.hibernate.Session;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizers;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.orm.jpa.EntityManagerHolder;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.servlet.LocaleResolver;

import org.veille.database.DatabaseTransactionManager;
import org.veille.pagecache.CommitFences.Fence;
import org.veille.pagecache.PageCacheFilter.PageKey;
import org.veille.web.PublicUrls;
import org.veille.web.TakingTurns;

/**
 * The page cache (unless {@code veille.page-cache.enabled=false}) and what keeps it right: the database
 * announces the keys of each committed change ({@link ChangeListener}), and the transaction manager waits until
 * this instance read those of its own writes.
 */
@Configuration(proxyBeanMethods = false)
class PageCacheConfiguration {

	/** How long a write waits for its fence: far above the milliseconds it takes, short enough not to hang. */
	static final String PAGE_TURNS = "pageTurns";

	private static final Duration FENCE_WAIT = Duration.ofSeconds(2);

	/**
	 * JPA's transaction manager, as Spring Boot would make it, ending each write transaction with a fence
	 * ({@link CommitFences}) and returning from the commit once the change listener read it: by then this
	 * instance dropped every key the transaction announced. Without an answer in time, everything is dropped.
	 */
	@Bean
	JpaTransactionManager transactionManager(PageVersions versions, CommitFences fences,
			ObjectProvider<TransactionManagerCustomizers> customizers) {
		JpaTransactionManager manager = new DatabaseTransactionManager() {

			@Override
			protected void doCommit(DefaultTransactionStatus status) {
				if (status.isReadOnly()) {
					super.doCommit(status);
					return;
				}
				if (!versions.isTrustworthy()) {
					super.doCommit(status);
					versions.changed();
					return;
				}
				Fence fence = fences.next();
				announce(fence);
				super.doCommit(status);
				try {
					if (!fences.awaitArrival(fence, FENCE_WAIT)) {
						versions.changed();
					}
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					versions.changed();
				}
			}

			/** After the transaction's own statements (flushed first), so that its keys come before the fence. */
			private void announce(Fence fence) {
				EntityManagerHolder holder = (EntityManagerHolder) TransactionSynchronizationManager
					.getResource(obtainEntityManagerFactory());
				if (holder == null) {
					return;
				}
				holder.getEntityManager().flush();
				holder.getEntityManager().unwrap(Session.class).doWork((connection) -> {
					try (PreparedStatement notify = connection.prepareStatement("select pg_notify(?, ?)")) {
						notify.setString(1, ChangeListener.CHANNEL);
						notify.setString(2, fence.payload());
						notify.execute();
					}
				});
			}

		};
		customizers.ifAvailable((customizer) -> customizer.customize(manager));
		return manager;
	}

	/** Runs with the cache off too: the announcements also keep the site's name fresh on every instance. */
	@Bean
	ChangeListener pageChangeListener(DataSource dataSource, PageVersions versions, CommitFences fences,
			ApplicationEventPublisher events) {
		return new ChangeListener(dataSource, versions, fences, events);
	}

	@Bean
	@ConditionalOnBooleanProperty(name = "veille.page-cache.enabled", matchIfMissing = true)
	Cache<PageKey, CachedPage> pageCache(PageCacheProperties properties) {
		return pages(properties);
	}

	@Bean
	@ConditionalOnBooleanProperty(name = "veille.page-cache.enabled", matchIfMissing = true)
	FilterRegistrationBean<PageCacheFilter> pageCacheFilter(Cache<PageKey, CachedPage> pageCache,
			PageCacheProperties properties, PageVersions versions, RelativeTimes times, LocaleResolver localeResolver,
			PublicUrls publicUrls, ServerProperties server) {
		PageCacheFilter filter = new PageCacheFilter(pageCache, versions, times, localeResolver,
				KeptCompression.of(server.getCompression()),
				(int) properties.largestPage().toBytes(), publicUrls.configured() != null);
		FilterRegistrationBean<PageCacheFilter> registration = new FilterRegistrationBean<>(filter);
		// Inside Spring Security's chain: the reader is known and the security headers are written.
		registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 2);
		return registration;
	}

	/** The kept pages, bounded by the memory they take, their keys included. */
	static Cache<PageKey, CachedPage> pages(PageCacheProperties properties) {
		return Caffeine.newBuilder()
			.maximumWeight(properties.maxBytes())
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
	FilterRegistrationBean<TakingTurns> pageTurns(PageCacheProperties properties) {
		FilterRegistrationBean<TakingTurns> registration = new FilterRegistrationBean<>(
				TakingTurns.forPages(properties.concurrency(), PageCacheFilter::isPageRequest));
		registration.setName(PAGE_TURNS);
		registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1);
		return registration;
	}

}
