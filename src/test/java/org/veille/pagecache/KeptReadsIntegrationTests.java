package org.veille.pagecache;

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
 * The reads kept beside the pages ({@link KeptData}): a card's tags and links, read once for every page showing
 * it, and a tag page's neighbours, each read again as soon as PostgreSQL announces a change to what they show,
 * whoever wrote it. With the page cache off, so that each request renders its page.
 */
@IntegrationTest
@TestPropertySource(properties = "veille.page-cache.enabled=false")
class KeptReadsIntegrationTests {

	private static final Duration ANNOUNCED = Duration.ofSeconds(10);

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void shouldReadACardsTagsAndLinksOnceForEveryPageShowingIt() throws Exception {
		String tag = TestPeople.uniqueName("garde").toLowerCase(Locale.ROOT);
		String login = TestPeople.uniqueName("gardien");
		MockHttpSession author = TestPeople.signUp(this.mvc, login);
		for (int i = 0; i < 3; i++) {
			Posting.as(this.mvc, author, "Fil gardé " + i + "\nhttps://example.org/garde/" + i + " #" + tag + " #autre");
		}
		Posting.page(this.mvc, null, "/tag/" + tag);

		// The same cards on another page: its other statements are the same either way.
		long kept = statements("/people/" + login, false);
		long reloaded = statements("/people/" + login, true);

		// A reader's forced reload reads everything from the database: the cards' tags and links too.
		assertThat(reloaded).isEqualTo(kept + 2);
	}

	@Test
	void shouldShowWhatAnotherWriterChangedOnTheCards() throws Exception {
		String tag = TestPeople.uniqueName("ailleurs").toLowerCase(Locale.ROOT);
		String added = TestPeople.uniqueName("ajoute").toLowerCase(Locale.ROOT);
		MockHttpSession author = TestPeople.signUp(this.mvc, TestPeople.uniqueName("ecrivain"));
		long thread = Posting.as(this.mvc, author, "Un fil à changer\nhttps://example.org/change/" + tag + " #" + tag);
		String page = "/tag/" + tag;
		assertThat(Posting.page(this.mvc, null, page)).contains("https://example.org/change/" + tag);

		// Through the application: a reply brings a tag to the thread's card.
		Posting.reply(this.mvc, author, thread, "Une réponse #" + added);
		assertThat(Posting.page(this.mvc, null, page)).contains("#" + added);

		// Another instance's writes, committed outside this one: announced by PostgreSQL's triggers.
		this.jdbc.sql("update tags set display = :display where key = :key")
			.param("display", added.toUpperCase(Locale.ROOT))
			.param("key", added)
			.update();
		await().atMost(ANNOUNCED)
			.until(() -> Posting.page(this.mvc, null, page).contains("#" + added.toUpperCase(Locale.ROOT)));
		this.jdbc.sql("""
				update links set title = 'Un titre écrit ailleurs', fetch_status = 'fetched'
				where url = :url""").param("url", "https://example.org/change/" + tag).update();
		await().atMost(ANNOUNCED).until(() -> Posting.page(this.mvc, null, page).contains("Un titre écrit ailleurs"));
	}

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
