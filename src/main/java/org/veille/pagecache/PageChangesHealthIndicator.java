package org.veille.pagecache;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Readiness of the page cache (health contributor {@code pageChanges}, in the readiness group): up while
 * {@link ChangeListener} hears PostgreSQL's announcements, down while its connection is lost (pages are then
 * rendered afresh until it is back, so the instance is slower but never wrong). Always up with the cache off.
 */
@Component("pageChangesHealthIndicator")
class PageChangesHealthIndicator implements HealthIndicator {

	private final PageVersions versions;

	private final boolean cacheEnabled;

	PageChangesHealthIndicator(PageVersions versions, PageCacheProperties properties) {
		this.versions = versions;
		this.cacheEnabled = properties.enabled();
	}

	@Override
	public Health health() {
		if (!this.cacheEnabled) {
			return Health.up().withDetail("pageCache", "off").build();
		}
		return (this.versions.isTrustworthy() ? Health.up() : Health.down()).withDetail("listening",
				this.versions.isTrustworthy()).build();
	}

}
