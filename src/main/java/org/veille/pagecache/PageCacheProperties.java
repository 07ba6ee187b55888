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
 * @param maxSize how much memory the kept pages may take, together (0: a quarter of the JVM's largest heap, at
 * least 24 MB)
 * @param largestPage a page bigger than this is never kept
 * @param timeToLive how long a page is kept at most, even when nothing changed: pages show relative times
 * @param concurrency how many page requests are served at once, kept or rendered (0: twice the processors,
 * at least four); the others wait their turn
 */
@Validated
@ConfigurationProperties("veille.page-cache")
public record PageCacheProperties(
		@DefaultValue("true") boolean enabled,
		@DefaultValue("0") DataSize maxSize,
		@DefaultValue("512KB") DataSize largestPage,
		@DefaultValue("60s") Duration timeToLive,
		@DefaultValue("0") @Min(0) int concurrency) {

	/** The least memory the kept pages get when {@code maxSize} is 0, whatever the heap. */
	static final DataSize SMALLEST_DEFAULT = DataSize.ofMegabytes(24);

	public PageCacheProperties {
		if (maxSize.isNegative()) {
			throw new IllegalArgumentException("veille.page-cache.max-size must be 0 (a quarter of the heap) or more");
		}
	}

	/** How much memory the kept pages may take, together, in this JVM. */
	long maxBytes() {
		return maxBytes(Runtime.getRuntime().maxMemory());
	}

	/**
	 * The same for a JVM whose heap may grow to {@code heap} bytes. A fixed 24 MB held a third of the pages a busy
	 * instance's readers asked for (the mixed load at 1M, tag pages over 2,000 tags): hit ratio 0.72 and 1,043
	 * req/s; an eighth of the heap (64 MB of 512) most of them, 0.90 and 1,885–2,187 req/s, pages leaving for room
	 * a hundred times a second; a quarter all of them, 0.95 and 2,741–2,775 (docs/BENCHMARKS.md, issue 16). A
	 * kept page saves a whole render, a kept part only a piece of one: the pages get the larger share.
	 */
	long maxBytes(long heap) {
		return (this.maxSize.toBytes() > 0) ? this.maxSize.toBytes() : Math.max(SMALLEST_DEFAULT.toBytes(), heap / 4);
	}

}
