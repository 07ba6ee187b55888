package org.veille.tag;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The tags most often found with a tag, counted once per version of the tag's row instead of at every first
 * render: at a million messages counting them over the tag's latest 500 threads is 500 index probes, more than
 * the rest of the page's statements together (docs/BENCHMARKS.md). The tag's row changes (its count, its last
 * change) whenever it gains or loses a thread, which is the version here. A tag given to or taken from one of
 * its threads by a reply or an edit leaves its row alone: such counts are as fresh as a kept page, a minute at
 * most ({@link #LIFE}, the page cache's own bound).
 */
@Component
class RelatedTags {

	static final Duration LIFE = Duration.ofSeconds(60);

	private final Cache<Version, List<TagLink>> counted = Caffeine.newBuilder()
		.maximumSize(10_000)
		.expireAfterWrite(LIFE)
		.recordStats()
		.build();

	/** The related tags counted for this version of the tag, or null when they are to count. */
	@Nullable List<TagLink> known(TagView tag) {
		return this.counted.getIfPresent(Version.of(tag));
	}

	void counted(TagView tag, List<TagLink> related) {
		this.counted.put(Version.of(tag), List.copyOf(related));
	}

	long hits() {
		return this.counted.stats().hitCount();
	}

	private record Version(long id, int threadCount, Instant changedAt) {

		static Version of(TagView tag) {
			return new Version(tag.id(), tag.threadCount(), tag.changedAt());
		}

	}

}
