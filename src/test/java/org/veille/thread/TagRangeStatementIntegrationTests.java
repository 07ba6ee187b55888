package org.veille.thread;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import org.veille.support.IntegrationTest;
import org.veille.support.Posting;
import org.veille.support.TestPeople;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which part of a tree page's statement runs ({@link ThreadQueries#tagRangeStatement}): the site's newest
 * tagged threads when they hold the page, else the tags merged one by one; the page is the same either way.
 */
@IntegrationTest
class TagRangeStatementIntegrationTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcClient jdbc;

	private MockHttpSession poster;

	private String tag;

	@BeforeEach
	void postToATreeOfThirtyTags() throws Exception {
		this.poster = TestPeople.signUp(this.mvc, TestPeople.uniqueName("branches"));
		this.tag = TestPeople.uniqueName("arbre").toLowerCase();
		for (int i = 0; i < 30; i++) {
			Posting.as(this.mvc, this.poster, "Branche " + i + " #" + this.tag + "/b" + i);
		}
	}

	@Test
	void shouldReadOnlyTheSiteNewestTaggedThreadsWhenTheyHoldThePage() {
		List<String> scans = scansOfTaggedThreads();

		assertThat(scans).as("scans of thread_tags run").hasSize(1);
		assertThat(scans.get(0)).contains("thread_tags_recent_idx");
	}

	/**
	 * Then a busy hour of other tags: the site's newest entries, eight per tag of the tree, hold none of its
	 * threads. The tags changed last are probed, those reaching the floor walked, and the page is the one before.
	 */
	@Test
	void shouldMergeTheTreesTagsWhenTheSiteNewestTaggedThreadsAreNotTheirs() throws Exception {
		List<Long> before = Posting.cardIds(Posting.fresh(this.mvc, null, "/tag/" + this.tag));
		String elsewhere = TestPeople.uniqueName("ailleurs").toLowerCase();
		String others = IntStream.range(0, 45).mapToObj((i) -> " #" + elsewhere + i).collect(Collectors.joining());
		for (int i = 0; i < 6; i++) {
			Posting.as(this.mvc, this.poster, "Ailleurs " + i + others);
		}

		List<String> scans = scansOfTaggedThreads();

		assertThat(scans).as("scans of thread_tags run: the site's newest entries (240 for 30 tags, 270 written "
				+ "since), the newest entry of the tags changed last, of the tags reaching the floor, their walks")
			.hasSize(4);
		assertThat(Posting.cardIds(Posting.fresh(this.mvc, null, "/tag/" + this.tag))).hasSize(25).isEqualTo(before);
	}

	/** A tree of no more tags than a page: its tags are merged at once, the site's newest entries left alone. */
	@Test
	void shouldMergeASmallTreeWithoutWalkingTheSiteNewestTaggedThreads() throws Exception {
		String small = TestPeople.uniqueName("bosquet").toLowerCase();
		for (int i = 0; i < 3; i++) {
			Posting.as(this.mvc, this.poster, "Petite branche " + i + " #" + small + "/b" + i);
		}

		List<String> scans = scansOfTaggedThreads(small);

		assertThat(scans).as("scans of thread_tags run: the newest entry of the tags changed last, of the tags "
				+ "reaching the floor, their walks to it, then (three threads: less than a page) every tag's walk")
			.hasSize(4)
			.noneMatch((scan) -> scan.contains("thread_tags_recent_idx"));
	}

	private List<String> scansOfTaggedThreads() {
		return scansOfTaggedThreads(this.tag);
	}

	/** The plan lines of the scans of {@code thread_tags} that ran for the first page of a tree. */
	private List<String> scansOfTaggedThreads(String key) {
		TagRange tree = new TagRange(key, key + "/", 500);
		return ExecutedScans.of(this.jdbc, "thread_tags", ThreadQueries.tagRangeStatement(null),
				Map.of("key", tree.key(), "prefix", tree.prefix(), "prefixEnd", tree.prefixEnd(), "tags", tree.limit(),
						"limit", ThreadQueries.PAGE_SIZE + 1));
	}

}
