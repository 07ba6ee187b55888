package org.veille.pagecache;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The kept pages' memory: as set, else a quarter of the heap and never less than 24 MB. */
class PageCachePropertiesTests {

	private static final long MEGABYTE = 1024 * 1024;

	@Test
	void shouldGiveTheKeptPagesAQuarterOfTheHeapByDefault() {
		assertThat(properties(DataSize.ofBytes(0)).maxBytes(512 * MEGABYTE)).isEqualTo(128 * MEGABYTE);
		assertThat(properties(DataSize.ofBytes(0)).maxBytes(2048 * MEGABYTE)).isEqualTo(512 * MEGABYTE);
	}

	@Test
	void shouldGiveThemAtLeast24MegabytesOnASmallHeap() {
		assertThat(properties(DataSize.ofBytes(0)).maxBytes(64 * MEGABYTE)).isEqualTo(24 * MEGABYTE);
	}

	@Test
	void shouldGiveThemWhatTheOperatorSetWhateverTheHeap() {
		assertThat(properties(DataSize.ofMegabytes(10)).maxBytes(4096 * MEGABYTE)).isEqualTo(10 * MEGABYTE);
	}

	@Test
	void shouldRefuseANegativeSize() {
		assertThatIllegalArgumentException().isThrownBy(() -> properties(DataSize.ofBytes(-1)))
			.withMessageContaining("veille.page-cache.max-size");
	}

	private static PageCacheProperties properties(DataSize maxSize) {
		return new PageCacheProperties(true, maxSize, DataSize.ofKilobytes(512), Duration.ofSeconds(60), 0);
	}

}
