package org.veille.tag;

import java.time.Duration;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import org.veille.support.IntegrationTest;
import org.veille.support.Posting;
import org.veille.support.QueryCounting;
import org.veille.support.TestPeople;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A tag page's neighbours (parents, children, tags starting alike, related tags) are read once and again as soon
 * as PostgreSQL announces a change to what they show, whoever wrote it: here with the page cache off, so that each
 * request renders its page.
 */
@IntegrationTest
@TestPropertySource(properties = "veille.page-cache.enabled=false")
class KeptNeighboursIntegrationTests {

	private static final Duration ANNOUNCED = Duration.ofSeconds(10);

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void shouldReadATagsNeighboursOnceUntilOneOfThemChanges() throws Exception {
		String tag = TestPeople.uniqueName("voisin").toLowerCase(Locale.ROOT);
		MockHttpSession author = TestPeople.signUp(this.mvc, TestPeople.uniqueName("voisine"));
		Posting.as(this.mvc, author, "Un fil parent #" + tag + " #compagnon");
		Posting.as(this.mvc, author, "Un fil enfant #" + tag + "/enfant");
		String page = "/tag/" + tag;
		Posting.page(this.mvc, null, page);

		// The tag and its threads; the cards' tags and links and the neighbours are kept (a forced reload reads
		// them again).
		assertThat(statements(page, false)).isEqualTo(2);
		assertThat(statements(page, true)).isEqualTo(2 + 2 + 1);

		// Through the application: a new child, then a child's second thread.
		Posting.as(this.mvc, author, "Un autre enfant #" + tag + "/cadet");
		assertThat(Posting.page(this.mvc, null, page)).contains("href=\"/tag/" + tag + "/cadet\"");
		Posting.as(this.mvc, author, "Encore l'enfant #" + tag + "/enfant");
		assertThat(Posting.page(this.mvc, null, page)).contains("<span class=\"count\">2 threads</span>");

		// Another instance's writes, committed outside this one: a tag starting alike, a child's new display form.
		this.jdbc.sql("insert into tags (key, display, thread_count) values (:key, :key, 3)")
			.param("key", tag + "-cousin")
			.update();
		await().atMost(ANNOUNCED)
			.until(() -> Posting.page(this.mvc, null, page).contains("href=\"/tag/" + tag + "-cousin\""));
		this.jdbc.sql("update tags set display = :display where key = :key")
			.param("display", tag + "/CADET")
			.param("key", tag + "/cadet")
			.update();
		await().atMost(ANNOUNCED).until(() -> Posting.page(this.mvc, null, page).contains(">CADET<"));
		this.jdbc.sql("delete from tags where key = :key").param("key", tag + "-cousin").update();
		await().atMost(ANNOUNCED)
			.until(() -> !Posting.page(this.mvc, null, page).contains("href=\"/tag/" + tag + "-cousin\""));
	}

	private long statements(String path, boolean reload) throws Exception {
		var request = get(path);
		if (reload) {
			request = request.header("Cache-Control", "no-cache");
		}
		QueryCounting.reset();
		this.mvc.perform(request).andExpect(status().isOk());
		return QueryCounting.statements();
	}

}
