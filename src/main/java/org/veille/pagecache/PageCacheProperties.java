package org.veille.pagecache;

import java.time.Duration;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The page cache's settings, {@code veille.page-cache.*} (README lists them).
 *
 * @param enabled whether rendered pages are kept at all
 * @param maxSize how much memory the kept pages may take, together
 * @param largestPage a page bigger than this is never kept
 * @param timeToLive how long a page is kept at most, even when nothing changed: pages show relative times
 * @param concurrency how many page requests are served at once, kept or rendered (0: twice the processors,
 * at least four); the others wait their turn
 */
@Validated
@ConfigurationProperties("veille.page-cache")
public record PageCacheProperties(
		@DefaultValue("true") boolean enabled,
		@DefaultValue("24MB") DataSize maxSize,
		@DefaultValue("512KB") DataSize largestPage,
		@DefaultValue("60s") Duration timeToLive,
		@DefaultValue("0") @Min(0) int concurrency) {

}
