package org.veille.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** What is kept in memory follows the heap: the same share of 256 MB, 512 MB or 4 GB. */
class HeapShareTests {

	private static final long MEGABYTE = 1024 * 1024;

	@Test
	void shouldGiveTheSameShareOfAnyHeap() {
		assertThat(HeapShare.of(16, 256 * MEGABYTE)).isEqualTo(16 * MEGABYTE);
		assertThat(HeapShare.of(16, 512 * MEGABYTE)).isEqualTo(32 * MEGABYTE);
		assertThat(HeapShare.of(16, 4096 * MEGABYTE)).isEqualTo(256 * MEGABYTE);
	}

	@Test
	void shouldGiveThisJvmsShareOfItsOwnHeap() {
		assertThat(HeapShare.of(128)).isEqualTo(Runtime.getRuntime().maxMemory() / 128).isPositive();
	}

	@Test
	void shouldRefuseLessThanOnePart() {
		assertThatIllegalArgumentException().isThrownBy(() -> HeapShare.of(0, 512 * MEGABYTE))
			.withMessageContaining("at least one");
	}

}
